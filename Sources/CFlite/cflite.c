#include "cflite.h"
#include <flite/flite.h>
#include <stdlib.h>
#include <string.h>

cst_voice *register_cmu_us_rms(const char *voxdir);
cst_voice *register_cmu_us_awb(const char *voxdir);
cst_voice *register_cmu_us_slt(const char *voxdir);
cst_voice *register_cmu_us_kal16(const char *voxdir);

static int initialized = 0;
static struct { const char *name; cst_voice *(*reg)(const char *); cst_voice *voice; float f0_mean; int pitch; } voices[] = {
    { "rms", register_cmu_us_rms, NULL, 0, 0 },  /* ignores every f0 feature (measured) */
    { "awb", register_cmu_us_awb, NULL, 0, 1 },
    { "slt", register_cmu_us_slt, NULL, 0, 1 },
    { "kal16", register_cmu_us_kal16, NULL, 0, 1 },
};
#define NVOICES (sizeof(voices) / sizeof(voices[0]))

void *vf_flite_voice(const char *name) {
    if (!initialized) { flite_init(); initialized = 1; }
    for (unsigned i = 0; i < NVOICES; i++) {
        if (strcmp(voices[i].name, name) != 0) continue;
        if (!voices[i].voice) {
            voices[i].voice = voices[i].reg(NULL);
            if (voices[i].voice)
                voices[i].f0_mean = get_param_float(voices[i].voice->features, "int_f0_target_mean", 100.0f);
        }
        return voices[i].voice;
    }
    return NULL;
}

int vf_flite_has_pitch_control(const char *name) {
    for (unsigned i = 0; i < NVOICES; i++)
        if (strcmp(voices[i].name, name) == 0) return voices[i].pitch;
    return 0;
}

int vf_flite_sample_rate(void *voice) {
    cst_voice *v = voice;
    cst_utterance *u = flite_synth_text("a", v);
    int rate = u && utt_wave(u) ? utt_wave(u)->sample_rate : 16000;
    if (u) delete_utterance(u);
    return rate;
}

struct stream_state { vf_audio_fn on_audio; void *user; int stopped; };

static int stream_chunk(const cst_wave *w, int start, int size, int last, cst_audio_streaming_info *asi) {
    struct stream_state *st = asi->userdata;
    if (st->stopped) return CST_AUDIO_STREAM_STOP;
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

int vf_flite_synth(void *voice, const char *text, float stretch, float pitch_factor,
                   vf_audio_fn on_audio, vf_word_fn on_word, void *user) {
    cst_voice *v = voice;
    struct stream_state st = { on_audio, user, 0 };
    cst_audio_streaming_info *asi = new_audio_streaming_info();
    asi->asc = stream_chunk;
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

    if (!st.stopped && on_word) {
        /* Token = a word as written ("42"); its daughters are the spoken words ("forty", "two").
           Start: end of the segment before the first segment; end: end of the last segment. */
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
            on_word(item_feat_string(t, "name"), start, end, user);
        }
    }
    delete_utterance(u);
    return st.stopped ? 1 : 0;
}
