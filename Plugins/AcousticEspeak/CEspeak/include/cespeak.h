/*
 * A small C face over libespeak-ng 1.51 for the acoustic.espeak plugin.
 *
 * libespeak-ng is loaded with dlopen, not linked: espeak-ng 1.51 keeps synthesis state in
 * globals that survive espeak_Synth (function-local statics in its wave generator, such as the
 * pitch "flutter" index, and clause-pause state), so the same text spoken twice in one process
 * comes out a few milliseconds and many samples different. The only reset is a fresh copy of
 * the library: vf_espeak_reload() terminates it, dlcloses it and loads it again (about 2 ms;
 * 1.51 never frees ~2.7 KB per espeak_Initialize).
 *
 * Nothing here is thread-safe: espeak-ng has one global engine per process. Callers hold one
 * process-wide lock around every call.
 */
#ifndef CESPEAK_H
#define CESPEAK_H

#include <stdint.h>

/* Event types, as espeak-ng numbers them (espeak_EVENT_TYPE). */
enum {
    VF_ESPEAK_WORD = 1,      /* start of a word: text_position/length give its characters */
    VF_ESPEAK_SENTENCE = 2,
    VF_ESPEAK_END = 5,       /* end of a clause (its pause included) */
    VF_ESPEAK_MSG_END = 6,
};

/* espeak_SetParameter's parameters (espeak_PARAMETER). */
enum {
    VF_ESPEAK_RATE = 1,      /* words per minute, 80-450, 175 normal */
    VF_ESPEAK_VOLUME = 2,    /* 0-200, 100 normal */
    VF_ESPEAK_PITCH = 3,     /* 0-100, 50 normal */
    VF_ESPEAK_RANGE = 4,     /* 0-100, 50 normal */
};

typedef struct {
    int type;
    int text_position;  /* 1-based, in characters (Unicode scalars) of the input text */
    int length;         /* characters, for words */
    int sample;         /* sample index from the start of this synthesis */
} vf_espeak_event;

/* Audio as espeak-ng hands it over (about 100 ms per call) with the events that fall in it.
   Return 0 to continue, non-zero to stop synthesis (cancel). */
typedef int (*vf_espeak_audio_fn)(const int16_t *samples, int count, const vf_espeak_event *events,
                                  int event_count, void *user);

/* Loads and initializes libespeak-ng (synchronous mode, ~100 ms buffers). Returns the sample
   rate, or -1 with a reason in `message`. Idempotent. */
int vf_espeak_open(char *message, int message_size);

/* 1 when vf_espeak_reload can give a fresh engine: the library was not already loaded by
   someone else in this process when vf_espeak_open first ran. */
int vf_espeak_can_reload(void);

/* Terminates the engine, unloads the library and loads a fresh copy. Returns the sample rate,
   or -1 with a reason (the engine is then closed; vf_espeak_open tries again). */
int vf_espeak_reload(char *message, int message_size);

/* The installed voices (espeak_ListVoices(NULL)), valid until the next reload. */
int vf_espeak_voice_count(void);

/* espeak-ng's data folder (voices/!v holds the voice variants: f1…f5, m1…m8, …); "" before loading. */
const char *vf_espeak_data_path(void);
/* name (display name), identifier (file under espeak-ng-data, e.g. "gmw/en-US"), gender 0/1/2. */
int vf_espeak_voice(int index, const char **name, const char **identifier, int *gender);
/* The k-th language of a voice ("en-us") and its priority (lower: preferred), or NULL. */
const char *vf_espeak_voice_language(int index, int k, int *priority);

/* espeak_SetVoiceByName with a voice identifier. 0 on success. */
int vf_espeak_set_voice(const char *identifier);

/* espeak_SetParameter (absolute value). 0 on success. */
int vf_espeak_set_parameter(int parameter, int value);

/* Synthesizes UTF-8 `text`, [[phoneme mnemonics]] allowed, no trailing sentence pause.
   Returns 0 when done, 1 when `on_audio` stopped it, -1 on failure. */
int vf_espeak_synth(const char *text, vf_espeak_audio_fn on_audio, void *user);

#endif
