#include "cespeak.h"
#include <espeak-ng/speak_lib.h>
#include <dlfcn.h>
#include <stdio.h>
#include <string.h>

#define LIBRARY "libespeak-ng.so.1"

/* The loaded copy of libespeak-ng and the entry points used. */
static struct {
    void *handle;
    int rate;
    int shared;  /* someone else had already loaded the library: never unload it */
    int checked;
    int (*initialize)(espeak_AUDIO_OUTPUT, int, const char *, int);
    void (*set_synth_callback)(t_espeak_callback *);
    espeak_ERROR (*set_voice_by_name)(const char *);
    espeak_ERROR (*set_parameter)(espeak_PARAMETER, int, int);
    espeak_ERROR (*synth)(const void *, size_t, unsigned int, espeak_POSITION_TYPE, unsigned int, unsigned int,
                          unsigned int *, void *);
    const espeak_VOICE **(*list_voices)(espeak_VOICE *);
    espeak_ERROR (*terminate)(void);
    const char *(*info)(const char **);
    const espeak_VOICE **voices;
    char data_path[512];
} lib;

/* The synthesis in progress (one at a time per process). */
static vf_espeak_audio_fn current_fn;
static void *current_user;
static int current_stopped;

static void fail(char *message, int size, const char *what) {
    if (message && size > 0) snprintf(message, (size_t)size, "%s", what);
}

static int synth_callback(short *wav, int count, espeak_EVENT *events) {
    vf_espeak_event out[128];
    int n = 0;
    for (espeak_EVENT *e = events; e && e->type != espeakEVENT_LIST_TERMINATED && n < 128; e++) {
        if (e->type != espeakEVENT_WORD && e->type != espeakEVENT_SENTENCE && e->type != espeakEVENT_END
            && e->type != espeakEVENT_MSG_TERMINATED)
            continue;
        out[n].type = (int)e->type;
        out[n].text_position = e->text_position;
        out[n].length = e->length;
        out[n].sample = e->sample;
        n++;
    }
    if (!current_fn || current_stopped || (count <= 0 && n == 0)) return current_stopped;
    if (current_fn((const int16_t *)wav, count > 0 && wav ? count : 0, out, n, current_user) != 0) current_stopped = 1;
    return current_stopped;
}

int vf_espeak_open(char *message, int message_size) {
    if (lib.handle) return lib.rate;
    if (!lib.checked) {
        /* Loaded already by another module: share it (espeak-ng has one engine per process; our
           espeak_Initialize and synth callback then apply to that module too), never unload it. */
        void *other = dlopen(LIBRARY, RTLD_NOW | RTLD_NOLOAD);
        if (other) { lib.shared = 1; dlclose(other); }
        /* Keep its dependencies loaded for good (libpcaudio pulls in PulseAudio, ALSA, D-Bus,
           X11 …; unused in synchronous mode): a reload then maps libespeak-ng alone. */
        dlopen("libpcaudio.so.0", RTLD_NOW | RTLD_LOCAL);
        dlopen("libsonic.so.0", RTLD_NOW | RTLD_LOCAL);
        lib.checked = 1;
    }
    void *h = dlopen(LIBRARY, RTLD_NOW | RTLD_LOCAL);
    if (!h) {
        const char *e = dlerror();
        char buf[512];
        snprintf(buf, sizeof buf, "cannot load %s (install libespeak-ng1): %s", LIBRARY, e ? e : "unknown error");
        fail(message, message_size, buf);
        return -1;
    }
#define SYM(field, name) *(void **)(&lib.field) = dlsym(h, name); if (!lib.field) { dlclose(h); fail(message, message_size, LIBRARY " lacks " name); return -1; }
    SYM(initialize, "espeak_Initialize")
    SYM(set_synth_callback, "espeak_SetSynthCallback")
    SYM(set_voice_by_name, "espeak_SetVoiceByName")
    SYM(set_parameter, "espeak_SetParameter")
    SYM(synth, "espeak_Synth")
    SYM(list_voices, "espeak_ListVoices")
    SYM(terminate, "espeak_Terminate")
    SYM(info, "espeak_Info")
#undef SYM
    /* 100 ms buffers; DONT_EXIT: report missing data instead of exit(). */
    int rate = lib.initialize(AUDIO_OUTPUT_SYNCHRONOUS, 100, NULL, espeakINITIALIZE_DONT_EXIT);
    if (rate <= 0) {
        dlclose(h);
        fail(message, message_size, "espeak_Initialize failed (is espeak-ng-data installed?)");
        return -1;
    }
    lib.set_synth_callback(synth_callback);
    lib.voices = lib.list_voices(NULL);
    const char *path = NULL;
    lib.info(&path);
    snprintf(lib.data_path, sizeof lib.data_path, "%s", path ? path : "");
    lib.handle = h;
    lib.rate = rate;
    return rate;
}

int vf_espeak_can_reload(void) { return lib.checked && !lib.shared; }

int vf_espeak_reload(char *message, int message_size) {
    if (!lib.handle) return vf_espeak_open(message, message_size);
    if (lib.shared) return lib.rate;  /* cannot reset a library others hold */
    /* espeak_Terminate hangs when called twice on one copy (its fifo thread is gone): it is
       called exactly once per copy, right before the copy is unloaded. */
    lib.terminate();
    dlclose(lib.handle);
    lib.handle = NULL;
    lib.voices = NULL;
    return vf_espeak_open(message, message_size);
}

const char *vf_espeak_data_path(void) { return lib.data_path; }

int vf_espeak_voice_count(void) {
    int n = 0;
    if (lib.voices) while (lib.voices[n]) n++;
    return n;
}

int vf_espeak_voice(int index, const char **name, const char **identifier, int *gender) {
    if (index < 0 || index >= vf_espeak_voice_count()) return -1;
    const espeak_VOICE *v = lib.voices[index];
    *name = v->name;
    *identifier = v->identifier;
    *gender = v->gender;
    return 0;
}

const char *vf_espeak_voice_language(int index, int k, int *priority) {
    if (index < 0 || index >= vf_espeak_voice_count()) return NULL;
    /* languages: (priority byte, NUL-terminated name)*, then an empty name. */
    const char *p = lib.voices[index]->languages;
    for (int i = 0; p && *p; i++) {
        if (i == k) { *priority = (unsigned char)p[0]; return p + 1; }
        p += strlen(p + 1) + 2;
    }
    return NULL;
}

int vf_espeak_set_voice(const char *identifier) {
    if (!lib.handle) return -1;
    return lib.set_voice_by_name(identifier) == EE_OK ? 0 : -1;
}

int vf_espeak_set_parameter(int parameter, int value) {
    if (!lib.handle) return -1;
    return lib.set_parameter((espeak_PARAMETER)parameter, value, 0) == EE_OK ? 0 : -1;
}

int vf_espeak_synth(const char *text, vf_espeak_audio_fn on_audio, void *user) {
    if (!lib.handle) return -1;
    current_fn = on_audio;
    current_user = user;
    current_stopped = 0;
    espeak_ERROR e = lib.synth(text, strlen(text) + 1, 0, POS_CHARACTER, 0, espeakCHARS_UTF8 | espeakPHONEMES, NULL, NULL);
    int stopped = current_stopped;
    current_fn = NULL;
    current_user = NULL;
    current_stopped = 0;
    if (stopped) return 1;  /* espeak-ng reports a stopped synthesis as EE_OK or an error alike */
    return e == EE_OK ? 0 : -1;
}
