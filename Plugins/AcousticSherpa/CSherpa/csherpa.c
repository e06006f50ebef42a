#define _GNU_SOURCE
#include "csherpa.h"
#include <dlfcn.h>
#include <espeak-ng/speak_lib.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- sherpa-onnx 2.0 c-api.h structures, field for field ---- */
typedef struct { const char *model, *lexicon, *tokens, *data_dir; float noise_scale, noise_scale_w, length_scale; const char *dict_dir; } SVits;
typedef struct { const char *acoustic_model, *vocoder, *lexicon, *tokens, *data_dir; float noise_scale, length_scale; const char *dict_dir; } SMatcha;
typedef struct { const char *model, *voices, *tokens, *data_dir; float length_scale; const char *dict_dir, *lexicon, *lang; } SKokoro;
typedef struct { const char *model, *voices, *tokens, *data_dir; float length_scale; const char *lexicon; } SKitten;
typedef struct { const char *tokens, *encoder, *decoder, *vocoder, *data_dir, *lexicon; float feat_scale, t_shift, target_rms, guidance_scale; } SZipvoice;
typedef struct { const char *lm_flow, *lm_main, *encoder, *decoder, *text_conditioner, *vocab_json, *token_scores_json; int32_t cache; } SPocket;
typedef struct { const char *duration_predictor, *text_encoder, *vector_estimator, *vocoder, *tts_json, *unicode_indexer, *voice_style; } SSupertonic;
typedef struct {
    SVits vits; int32_t num_threads; int32_t debug; const char *provider;
    SMatcha matcha; SKokoro kokoro; SKitten kitten; SZipvoice zipvoice; SPocket pocket; SSupertonic supertonic;
} SModel;
typedef struct { SModel model; const char *rule_fsts; int32_t max_num_sentences; const char *rule_fars; float silence_scale; } SConfig;
typedef struct { const float *samples; int32_t n; int32_t sample_rate; } SAudio;
typedef struct {
    float silence_scale; float speed; int32_t sid;
    const float *reference_audio; int32_t reference_audio_len; int32_t reference_sample_rate; const char *reference_text;
    int32_t num_steps; const char *extra;
    const int32_t *phoneme_codepoints; const int32_t *phoneme_codepoints_lens; int32_t phoneme_codepoints_num_sentences;
    const char *const *tokens; const int32_t *tokens_lens; int32_t tokens_num_sentences;
} SGen;
typedef int32_t (*SCallback)(const float *, int32_t, float, void *);

static struct {
    void *handle;
    char version[64];
    const void *(*create)(const SConfig *);
    void (*destroy)(const void *);
    int32_t (*sample_rate)(const void *);
    int32_t (*num_speakers)(const void *);
    const SAudio *(*generate)(const void *, const char *, const SGen *, SCallback, void *);
    void (*destroy_audio)(const SAudio *);
    const char *(*version_str)(void);
} lib;

static void fail(char *message, int size, const char *what) {
    if (message && size > 0) snprintf(message, (size_t)size, "%s", what);
}

int vf_sherpa_open(const char *path, char *message, int message_size) {
    if (lib.handle) return 0;
    void *h = dlopen(path, RTLD_NOW | RTLD_LOCAL);
    if (!h) {
        const char *e = dlerror();
        char buf[1024];
        snprintf(buf, sizeof buf, "cannot load %s: %s", path, e ? e : "unknown error");
        fail(message, message_size, buf);
        return -1;
    }
#define SYM(field, name) *(void **)(&lib.field) = dlsym(h, name); \
    if (!lib.field) { char b[512]; snprintf(b, sizeof b, "%s lacks %s (not sherpa-onnx 2.x?)", path, name); fail(message, message_size, b); dlclose(h); return -1; }
    SYM(create, "SherpaOnnxCreateOfflineTts")
    SYM(destroy, "SherpaOnnxDestroyOfflineTts")
    SYM(sample_rate, "SherpaOnnxOfflineTtsSampleRate")
    SYM(num_speakers, "SherpaOnnxOfflineTtsNumSpeakers")
    SYM(generate, "SherpaOnnxOfflineTtsGenerateWithConfig")
    SYM(destroy_audio, "SherpaOnnxDestroyOfflineTtsGeneratedAudio")
    SYM(version_str, "SherpaOnnxGetVersionStr")
#undef SYM
    const char *v = lib.version_str();
    if (!v || strncmp(v, "2.", 2) != 0) {
        char b[512];
        snprintf(b, sizeof b, "%s is sherpa-onnx %s; Voxflow needs 2.x (pip install 'sherpa-onnx-core>=2,<3')", path, v ? v : "?");
        fail(message, message_size, b);
        dlclose(h);
        memset(&lib, 0, sizeof lib);
        return -1;
    }
    snprintf(lib.version, sizeof lib.version, "%s", v);
    lib.handle = h;  /* never unloaded */
    return 0;
}

const char *vf_sherpa_version(void) { return lib.version; }

const void *vf_sherpa_create(const vf_sherpa_config *c) {
    if (!lib.handle) return NULL;
    SConfig config;
    memset(&config, 0, sizeof config);
    config.model.num_threads = c->num_threads > 0 ? c->num_threads : 1;
    config.model.provider = "cpu";
    config.max_num_sentences = 1;  /* one sentence per callback: the first audio leaves early */
    config.silence_scale = 0.2f;
    switch (c->kind) {
    case VF_SHERPA_VITS:
        config.model.vits = (SVits){c->model, c->lexicon, c->tokens, "", c->noise_scale, c->noise_scale_w, c->length_scale, ""};
        break;
    case VF_SHERPA_MATCHA:
        config.model.matcha = (SMatcha){c->model, c->vocoder, c->lexicon, c->tokens, "", c->noise_scale, c->length_scale, ""};
        break;
    case VF_SHERPA_KOKORO:
        config.model.kokoro = (SKokoro){c->model, c->voices, c->tokens, "", c->length_scale, "", c->lexicon, c->lang};
        break;
    case VF_SHERPA_KITTEN:
        config.model.kitten = (SKitten){c->model, c->voices, c->tokens, "", c->length_scale, c->lexicon};
        break;
    case VF_SHERPA_ZIPVOICE:
        config.model.zipvoice = (SZipvoice){c->tokens, c->model, c->decoder, c->vocoder, "", c->lexicon, 0.1f, 0.5f, 0.1f, 1.0f};
        break;
    default:
        return NULL;
    }
    return lib.create(&config);
}

void vf_sherpa_destroy(const void *tts) { if (lib.handle && tts) lib.destroy(tts); }
int vf_sherpa_sample_rate(const void *tts) { return lib.handle && tts ? lib.sample_rate(tts) : 0; }
int vf_sherpa_num_speakers(const void *tts) { return lib.handle && tts ? lib.num_speakers(tts) : 0; }

struct relay { vf_sherpa_audio_fn fn; void *user; int stopped; };

static int32_t relay_audio(const float *samples, int32_t n, float p, void *arg) {
    struct relay *r = arg;
    if (r->stopped) return 0;
    if (r->fn && r->fn(samples, n, p, r->user) == 0) { r->stopped = 1; return 0; }
    return 1;
}

int vf_sherpa_generate(const void *tts, const char *text, const int32_t *codepoints, const int32_t *lens, int sentences,
                       int sid, float speed, const float *reference, int reference_len, int reference_rate,
                       const char *reference_text, int num_steps, vf_sherpa_audio_fn on_audio, void *user, int *total) {
    if (total) *total = 0;
    if (!lib.handle || !tts) return -1;
    SGen g;
    memset(&g, 0, sizeof g);
    g.silence_scale = 0.2f;
    g.speed = speed > 0 ? speed : 1.0f;
    g.sid = sid;
    g.reference_audio = reference;
    g.reference_audio_len = reference_len;
    g.reference_sample_rate = reference_rate;
    g.reference_text = reference_text;
    g.num_steps = num_steps;
    if (codepoints && sentences > 0) {
        g.phoneme_codepoints = codepoints;
        g.phoneme_codepoints_lens = lens;
        g.phoneme_codepoints_num_sentences = sentences;
    }
    struct relay r = {on_audio, user, 0};
    const SAudio *a = lib.generate(tts, text ? text : "", &g, relay_audio, &r);
    if (!a) return r.stopped ? 1 : -1;
    int n = a->n;
    lib.destroy_audio(a);
    if (total) *total = n;
    if (r.stopped) return 1;
    return n > 0 ? 0 : -1;
}

const char *vf_sherpa_self_path(void) {
    static char path[4096];
    Dl_info info;
    if (dladdr((void *)vf_sherpa_self_path, &info) && info.dli_fname) snprintf(path, sizeof path, "%s", info.dli_fname);
    return path;
}

/* ---- phonemizer: libespeak-ng in its own link-map namespace ---- */
static struct {
    void *handle;
    int (*initialize)(espeak_AUDIO_OUTPUT, int, const char *, int);
    espeak_ERROR (*set_voice_by_name)(const char *);
    const char *(*text_to_phonemes)(const void **, int, int);
    char voice[128];
} ph;

int vf_phonemizer_open(char *message, int message_size) {
    if (ph.handle) return 0;
    /* A namespace of its own: acoustic.espeak's copy (and its resets) stay untouched. */
    void *h = dlmopen(LM_ID_NEWLM, "libespeak-ng.so.1", RTLD_NOW | RTLD_LOCAL);
    if (!h) h = dlopen("libespeak-ng.so.1", RTLD_NOW | RTLD_LOCAL);
    if (!h) {
        const char *e = dlerror();
        char buf[512];
        snprintf(buf, sizeof buf, "cannot load libespeak-ng.so.1 for phonemizing (install libespeak-ng1; scripts/bootstrap): %s", e ? e : "?");
        fail(message, message_size, buf);
        return -1;
    }
#define SYM(field, name) *(void **)(&ph.field) = dlsym(h, name); if (!ph.field) { fail(message, message_size, "libespeak-ng lacks " name); return -1; }
    SYM(initialize, "espeak_Initialize")
    SYM(set_voice_by_name, "espeak_SetVoiceByName")
    SYM(text_to_phonemes, "espeak_TextToPhonemes")
#undef SYM
    if (ph.initialize(AUDIO_OUTPUT_SYNCHRONOUS, 0, NULL, espeakINITIALIZE_DONT_EXIT) <= 0) {
        fail(message, message_size, "espeak_Initialize failed (is espeak-ng-data installed?)");
        return -1;
    }
    ph.handle = h;
    return 0;
}

/* The last punctuation mark in text[from, to), as Piper keeps it after a clause. */
static const char *clause_punctuation(const char *from, const char *to) {
    for (const char *p = to; p > from; p--) {
        char c = p[-1];
        if (c == ' ' || c == '\t' || c == '\n') continue;
        switch (c) {
        case ',': return ", ";
        case ';': return "; ";
        case ':': return ": ";
        case '.': return ".";
        case '?': return "?";
        case '!': return "!";
        default: return " ";
        }
    }
    return " ";
}

int vf_phonemize(const char *voice, const char *text, char *out, int out_size) {
    if (!ph.handle || out_size <= 0) return -1;
    if (strcmp(ph.voice, voice) != 0) {
        if (ph.set_voice_by_name(voice) != EE_OK) return -1;
        snprintf(ph.voice, sizeof ph.voice, "%s", voice);
    }
    int used = 0;
    out[0] = 0;
    const void *p = text;
    while (p && *(const char *)p) {
        const char *before = p;
        const char *phonemes = ph.text_to_phonemes(&p, espeakCHARS_UTF8, 0x02 /* IPA */);
        const char *after = p ? (const char *)p : before + strlen(before);
        if (!phonemes) break;
        const char *punct = clause_punctuation(before, after);
        int n = snprintf(out + used, (size_t)(out_size - used), "%s%s\n", phonemes, punct);
        if (n < 0 || used + n >= out_size) return -1;
        used += n;
    }
    return used;
}
