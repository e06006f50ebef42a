/*
 * The real-time half of sink.jack: a JACK client whose output ports each read a lock-free
 * jack_ringbuffer_t. The process callback copies, zero-fills, and counts with C11 atomics; it
 * never allocates, locks, logs, does I/O or calls into Swift.
 *
 * Threads: vf_jack_open/add_port/activate/connect/reconnect/close on the control thread;
 * vf_jack_write/mark_begin/mark_end on the one producer thread (the sink node's streaming thread);
 * vf_jack_flush/stats/alive on any thread.
 */
#ifndef VF_JACK_H
#define VF_JACK_H

#include <stddef.h>
#include <stdint.h>

#define VF_JACK_MAX_PORTS 32

typedef struct vf_jack vf_jack;

typedef struct {
    uint64_t frames_played;     /* frames of audio taken from the rings (all ports, per port-frame) */
    uint64_t underrun_frames;   /* frames zero-filled while an utterance was playing and its audio was late */
    uint64_t xruns;             /* JACK xrun callbacks */
    uint64_t cycles;            /* process callbacks */
    int64_t last_latency_ns;    /* last "first chunk queued → its first frame played", -1 if none yet */
    int alive;                  /* 0 after the server went away, until reconnected */
    uint32_t reconnects;
} vf_jack_stats;

/* Opens a client (never starting a server). NULL on failure, with a reason in err. */
vf_jack *vf_jack_open(const char *client_name, const char *server_name, char *err, size_t errlen);
int vf_jack_sample_rate(vf_jack *j);
int vf_jack_buffer_size(vf_jack *j);
/* Registers an output port with a ring of ring_frames; returns its slot, or -1. */
int vf_jack_add_port(vf_jack *j, const char *port_name, size_t ring_frames);
/* The port's full name ("voxflow:out"). */
const char *vf_jack_port_name(vf_jack *j, int slot);
int vf_jack_activate(vf_jack *j);
/* Connects a slot's port to every input port matching the regular expression; returns how many. */
int vf_jack_connect(vf_jack *j, int slot, const char *regex);
/* Frames a slot's port holds back at the start of an utterance; also published as port latency. */
void vf_jack_set_prebuffer(vf_jack *j, size_t frames);

/* Producer: frames that fit now (may be fewer than n). */
size_t vf_jack_write(vf_jack *j, int slot, const float *frames, size_t n);
size_t vf_jack_queued(vf_jack *j, int slot);
/* Producer: an utterance starts on this slot (for the queued → played latency). */
void vf_jack_mark_begin(vf_jack *j, int slot);
/* Producer: the utterance's audio is all queued; play it out without waiting for the prebuffer. */
void vf_jack_mark_end(vf_jack *j, int slot);
/* Any thread: drop the slot's queued audio within one period (cancel). */
void vf_jack_flush(vf_jack *j, int slot);

void vf_jack_stats_get(vf_jack *j, vf_jack_stats *out);
int vf_jack_alive(vf_jack *j);
/* Control thread, after the server went away: reopen, re-register, reactivate, reconnect. 0 on success. */
int vf_jack_reconnect(vf_jack *j);
void vf_jack_close(vf_jack *j);

#endif
