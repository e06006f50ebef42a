/*
 * A small C face over sherpa-onnx's C API (libsherpa-onnx-c-api.so, PyPI sherpa-onnx-core 2.x) and over libespeak-ng's
 * phonemizer, for the acoustic.sherpa plugin and its model checker (voxflow-sherpa-check).
 *
 * sherpa-onnx is loaded with dlopen from a path the caller found (SwiftPM drops -rpath from pkg-config, and the library
 * lives in a Python site-packages folder), so Voxflow builds without it and reports its absence at run time. The
 * structures below mirror sherpa-onnx 2.0's c-api.h field for field; vf_sherpa_open refuses a library whose major
 * version is not 2.
 *
 * libespeak-ng is loaded into a namespace of its own (dlmopen LM_ID_NEWLM), so its global state is separate from the
 * copy acoustic.espeak loads and resets: phonemizing never disturbs that plugin's deterministic output. That namespace
 * has its own libc, whose thread-local state breaks a thread's exit: call vf_phonemizer_open and vf_phonemize only
 * from one thread that lives as long as the process (SherpaPhonemizer does).
 *
 * Threads: sherpa-onnx engines may be used from one thread at a time each (callers lock per engine); the phonemizer is
 * one engine per process (callers hold one lock around vf_phonemize).
 */
#ifndef CSHERPA_H
#define CSHERPA_H

#include <stdint.h>

/* Model families (which member of sherpa-onnx's model config is filled). */
enum { VF_SHERPA_VITS = 1, VF_SHERPA_MATCHA = 2, VF_SHERPA_KOKORO = 3, VF_SHERPA_KITTEN = 4, VF_SHERPA_ZIPVOICE = 5 };

typedef struct {
    int kind;
    const char *model;      /* vits/kokoro/kitten model; matcha acoustic model; zipvoice encoder */
    const char *decoder;    /* zipvoice decoder */
    const char *vocoder;    /* matcha, zipvoice */
    const char *tokens;
    const char *lexicon;    /* optional */
    const char *voices;     /* kokoro, kitten: voices.bin */
    const char *lang;       /* kokoro: optional language hint */
    float noise_scale;
    float noise_scale_w;
    float length_scale;
    int num_threads;
} vf_sherpa_config;

/* Audio as generation proceeds (one sentence per call with max_num_sentences = 1); progress in [0, 1].
   Return 1 to continue, 0 to stop. Runs on the thread inside vf_sherpa_generate. */
typedef int32_t (*vf_sherpa_audio_fn)(const float *samples, int32_t n, float progress, void *user);

/* Loads libsherpa-onnx-c-api.so from `path` (its libonnxruntime.so next to it). Returns 0, or -1 with a reason in
   `message`. Idempotent: the first library loaded stays for the process. */
int vf_sherpa_open(const char *path, char *message, int message_size);
/* "2.0.1", or "" before loading. */
const char *vf_sherpa_version(void);

/* SherpaOnnxCreateOfflineTts; NULL when sherpa-onnx refused the model (its reason goes to stderr). May kill the
   process on a model with broken metadata: check untrusted models in a child process first. */
const void *vf_sherpa_create(const vf_sherpa_config *config);
void vf_sherpa_destroy(const void *tts);
int vf_sherpa_sample_rate(const void *tts);
int vf_sherpa_num_speakers(const void *tts);

/* Generates speech. `codepoints` (flattened, `lens` per sentence, `sentences` of them) are pre-phonemized input used
   instead of `text` when not NULL. Reference audio/text are for cloning models (NULL otherwise).
   Returns 0 when done, 1 when `on_audio` stopped it, -1 when sherpa-onnx produced nothing. `*total` receives the
   sample count. */
int vf_sherpa_generate(const void *tts, const char *text, const int32_t *codepoints, const int32_t *lens, int sentences,
                       int sid, float speed, const float *reference, int reference_len, int reference_rate,
                       const char *reference_text, int num_steps, vf_sherpa_audio_fn on_audio, void *user, int *total);

/* The path of the shared object this code is linked into (the plugin's .so, or the checker executable). */
const char *vf_sherpa_self_path(void);

/* Loads libespeak-ng for phonemizing. Returns 0 or -1 with a reason. Idempotent. */
int vf_phonemizer_open(char *message, int message_size);
/* IPA phonemes of UTF-8 `text` with espeak-ng voice `voice` ("en-us"), one clause per line, each ending with the
   clause's punctuation as Piper does (", " "." "?" "!"). Returns the bytes written (NUL-terminated), or -1
   (unknown voice, not open). */
int vf_phonemize(const char *voice, const char *text, char *out, int out_size);

#endif
