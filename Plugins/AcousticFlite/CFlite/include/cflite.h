/*
 * A small C face over flite for the acoustic.flite plugin: voice registration, synthesis of
 * one phrase with streamed audio, and word timings read from the utterance's relations.
 * flite keeps its settings on the shared voice object: callers serialize synthesis per voice.
 */
#ifndef CFLITE_H
#define CFLITE_H

#include <stdint.h>

/* Audio as flite produces it. Return 0 to continue, non-zero to stop synthesis (cancel). */
typedef int (*vf_audio_fn)(const int16_t *samples, int count, int last, void *user);
/* One word (a text token, as written) with its start and end in seconds. */
typedef void (*vf_word_fn)(const char *word, float start, float end, void *user);

/* The voice named (rms, awb, slt, kal16), or NULL. Registers it on first use. Not thread-safe. */
void *vf_flite_voice(const char *name);

/*
 * Synthesizes `text`, streaming: `on_word` is called for every word before the first audio
 * (the timings are known once durations are predicted), then `on_audio` for each piece of about
 * `chunk_samples` samples as the waveform is generated. `stretch` multiplies durations
 * (2 = half speed); `pitch_factor` multiplies the voice's f0 where the voice supports it
 * (1 = unchanged). Returns 0 on success, 1 when the audio callback stopped it, -1 on failure.
 */
int vf_flite_synth(void *voice, const char *text, float stretch, float pitch_factor, int chunk_samples,
                   vf_audio_fn on_audio, vf_word_fn on_word, void *user);


#endif
