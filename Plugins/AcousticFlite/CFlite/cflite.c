#include "cflite.h"
#include <flite/flite.h>
#include <dlfcn.h>
#include <stdlib.h>
#include <string.h>

/* Each voice is a 4-5 MB library with hundreds of thousands of relocations: it is loaded only
   when first used (dlopen), so a process that speaks with rms never pays for the others. */
static int initialized = 0;
static struct { const char *name; const char *library; const char *symbol; cst_voice *voice; float f0_mean; int pitch; } voices[] = {
    { "rms", "libflite_cmu_us_rms.so.1", "register_cmu_us_rms", NULL, 0, 0 },  /* ignores every f0 feature (measured) */
    { "awb", "libflite_cmu_us_awb.so.1", "register_cmu_us_awb", NULL, 0, 1 },
    { "slt", "libflite_cmu_us_slt.so.1", "register_cmu_us_slt", NULL, 0, 1 },
    { "kal16", "libflite_cmu_us_kal16.so.1", "register_cmu_us_kal16", NULL, 0, 1 },
};
#define NVOICES (sizeof(voices) / sizeof(voices[0]))

void *vf_flite_voice(const char *name) {
    if (!initialized) { flite_init(); initialized = 1; }
    for (unsigned i = 0; i < NVOICES; i++) {
        if (strcmp(voices[i].name, name) != 0) continue;
        if (!voices[i].voice) {
            void *lib = dlopen(voices[i].library, RTLD_LAZY | RTLD_GLOBAL);  /* lazy binding, as the flite CLI does */
            cst_voice *(*reg)(const char *) = lib ? (cst_voice *(*)(const char *))dlsym(lib, voices[i].symbol) : NULL;
            if (!reg) return NULL;
            voices[i].voice = reg(NULL);
            if (voices[i].voice)
                voices[i].f0_mean = get_param_float(voices[i].voice->features, "int_f0_target_mean", 100.0f);
        }
        return voices[i].voice;
    }
    return NULL;
}

struct stream_state {
    vf_audio_fn on_audio;
    vf_word_fn on_word;
    void *user;
    int stopped;
    int words_sent;
};

/* Token = a word as written ("42"); its daughters are the spoken words ("forty", "two").
   Start: end of the segment before the first segment; end: end of the last segment. Segment
   durations are fixed before the waveform is generated, so this works from the first audio callback. */
static void send_words(const cst_utterance *u, struct stream_state *st) {
    if (st->words_sent || !st->on_word || !u) return;
    st->words_sent = 1;
    for (cst_item *t = relation_head(utt_relation(u, "Token")); t; t = item_next(t)) {
        cst_item *first = item_daughter(t), *last = item_last_daughter(t);
        if (!first || !last) continue;
        first = item_as(first, "Word");
        last = item_as(last, "Word");
        if (!first || !last) continue;
        cst_item *seg1 = path_to_item(first, "R:SylStructure.daughter1.daughter1.R:Segment");
        cst_item *segn = path_to_item(last, "R:SylStructure.daughtern.daughtern.R:Segment");
        if (!seg1 || !segn) continue;
        cst_item *prev = item_prev(seg1);
        float start = prev ? item_feat_float(prev, "end") : 0.0f;
        float end = item_feat_float(segn, "end");
        st->on_word(item_feat_string(t, "name"), start, end, st->user);
    }
}

static int stream_chunk(const cst_wave *w, int start, int size, int last, cst_audio_streaming_info *asi) {
    struct stream_state *st = asi->userdata;
    if (st->stopped) return CST_AUDIO_STREAM_STOP;
    send_words(asi->utt, st);
    if (st->on_audio(w->samples + start, size, last, st->user) != 0) {
        st->stopped = 1;
        return CST_AUDIO_STREAM_STOP;
    }
    return CST_AUDIO_STREAM_CONT;
}

static float f0_mean_of(cst_voice *v) {
    for (unsigned i = 0; i < NVOICES; i++) if (voices[i].voice == v) return voices[i].f0_mean;
    return 100.0f;
}

int vf_flite_synth(void *voice, const char *text, float stretch, float pitch_factor, int chunk_samples,
                   vf_audio_fn on_audio, vf_word_fn on_word, void *user) {
    cst_voice *v = voice;
    struct stream_state st = { on_audio, on_word, user, 0, 0 };
    cst_audio_streaming_info *asi = new_audio_streaming_info();
    asi->asc = stream_chunk;
    asi->min_buffsize = chunk_samples;
    asi->userdata = &st;
    feat_set(v->features, "streaming_info", audio_streaming_info_val(asi));
    feat_set_float(v->features, "duration_stretch", stretch);
    feat_set_float(v->features, "f0_shift", pitch_factor);
    feat_set_float(v->features, "int_f0_target_mean", f0_mean_of(v) * pitch_factor);

    /* flite's clustergen voices draw their noise excitation from rand(): reseed so that a phrase
       renders the same whatever was synthesized before it (offline renders are deterministic). */
    srand(1);
    cst_utterance *u = flite_synth_text(text, v);
    feat_remove(v->features, "streaming_info");
    if (!u) return -1;
    if (!st.stopped) send_words(u, &st);  /* a voice that streamed nothing */
    delete_utterance(u);
    return st.stopped ? 1 : 0;
}
