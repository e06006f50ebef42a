/* A JACK capture client for tests and benchmarks: records what arrives on its input ports. */
#ifndef VF_CAPTURE_H
#define VF_CAPTURE_H
#include <stddef.h>
#include <stdint.h>

typedef struct vf_capture vf_capture;

vf_capture *vf_capture_open(const char *server, const char *client_name, int nports, size_t ring_frames);
/* Connects `source` (e.g. "voxflow:out") to input port i; 0 on success. */
int vf_capture_connect(vf_capture *c, const char *source, int i);
/* Moves up to max recorded frames of port i into out; returns how many. */
size_t vf_capture_read(vf_capture *c, int i, float *out, size_t max);
/* Frames recorded on port i since opening (including ones already read). */
uint64_t vf_capture_total(vf_capture *c, int i);
/* CLOCK_MONOTONIC ns when port i first received a non-zero sample, 0 if not yet. */
int64_t vf_capture_first_sound_ns(vf_capture *c, int i);
void vf_capture_reset_first_sound(vf_capture *c, int i);
void vf_capture_close(vf_capture *c);
#endif
