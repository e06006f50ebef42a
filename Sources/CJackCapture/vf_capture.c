#include "vf_capture.h"
#include <jack/jack.h>
#include <jack/ringbuffer.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#define MAXP 8
struct vf_capture {
    jack_client_t *client;
    int n;
    jack_port_t *ports[MAXP];
    jack_ringbuffer_t *rb[MAXP];
    _Atomic uint64_t total[MAXP];
    _Atomic int64_t first[MAXP];
    _Atomic int alive;
};

static int process(jack_nframes_t n, void *arg) {
    struct vf_capture *c = arg;
    for (int i = 0; i < c->n; i++) {
        const float *in = jack_port_get_buffer(c->ports[i], n);
        jack_ringbuffer_write(c->rb[i], (const char *)in, n * sizeof(float));
        atomic_fetch_add(&c->total[i], n);
        if (atomic_load(&c->first[i]) == 0) {
            for (jack_nframes_t k = 0; k < n; k++) {
                if (in[k] != 0.0f) {
                    struct timespec ts;
                    clock_gettime(CLOCK_MONOTONIC, &ts);
                    atomic_store(&c->first[i], (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec);
                    break;
                }
            }
        }
    }
    return 0;
}

static void on_shutdown(jack_status_t code, const char *reason, void *arg) {
    (void)code; (void)reason;
    atomic_store(&((struct vf_capture *)arg)->alive, 0);
}

vf_capture *vf_capture_open(const char *server, const char *client_name, int nports, size_t ring_frames) {
    jack_status_t status;
    jack_client_t *client = jack_client_open(client_name, JackNoStartServer | JackServerName, &status, server);
    if (!client) return NULL;
    struct vf_capture *c = calloc(1, sizeof *c);
    c->client = client;
    c->n = nports > MAXP ? MAXP : nports;
    for (int i = 0; i < c->n; i++) {
        char name[16];
        snprintf(name, sizeof name, "in_%d", i + 1);
        c->ports[i] = jack_port_register(client, name, JACK_DEFAULT_AUDIO_TYPE, JackPortIsInput, 0);
        c->rb[i] = jack_ringbuffer_create(ring_frames * sizeof(float));
    }
    atomic_store(&c->alive, 1);
    jack_set_process_callback(client, process, c);
    jack_on_info_shutdown(client, on_shutdown, c);
    jack_activate(client);
    return c;
}

int vf_capture_connect(vf_capture *c, const char *source, int i) {
    return jack_connect(c->client, source, jack_port_name(c->ports[i]));
}

size_t vf_capture_read(vf_capture *c, int i, float *out, size_t max) {
    size_t avail = jack_ringbuffer_read_space(c->rb[i]) / sizeof(float);
    size_t k = avail < max ? avail : max;
    jack_ringbuffer_read(c->rb[i], (char *)out, k * sizeof(float));
    return k;
}

uint64_t vf_capture_total(vf_capture *c, int i) { return atomic_load(&c->total[i]); }
int64_t vf_capture_first_sound_ns(vf_capture *c, int i) { return atomic_load(&c->first[i]); }
void vf_capture_reset_first_sound(vf_capture *c, int i) { atomic_store(&c->first[i], 0); }

void vf_capture_close(vf_capture *c) {
    if (atomic_load(&c->alive)) jack_deactivate(c->client);
    jack_client_close(c->client);
    for (int i = 0; i < c->n; i++) jack_ringbuffer_free(c->rb[i]);
    free(c);
}
