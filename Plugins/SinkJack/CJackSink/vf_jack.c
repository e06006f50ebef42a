#include "vf_jack.h"
#include <jack/jack.h>
#include <jack/ringbuffer.h>
#include <regex.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

typedef struct {
    jack_port_t *_Atomic port;
    jack_ringbuffer_t *rb;
    char name[64];
    char connect[256];              /* regex to reconnect after a server restart ("" none) */
    /* Producer-owned counters, published with release stores. */
    _Atomic uint64_t written;        /* frames ever written */
    _Atomic uint64_t ended_upto;     /* `written` at the last utterance end */
    _Atomic uint64_t mark_frame;     /* first frame of the newest utterance + 1 (0: none) */
    _Atomic int64_t mark_time;       /* when it was queued (CLOCK_MONOTONIC ns) */
    _Atomic uint32_t flush_req;
    /* Consumer-owned (process thread). */
    uint64_t read;                   /* frames ever consumed (played or flushed) */
    uint32_t flush_seen;
    int holding;                     /* waiting for the prebuffer before playing */
} slot_t;

struct vf_jack {
    jack_client_t *_Atomic client;
    char client_name[64];
    char server_name[128];
    slot_t slots[VF_JACK_MAX_PORTS];
    _Atomic int nports;
    _Atomic size_t prebuffer;
    _Atomic int alive;
    _Atomic uint64_t frames_played, underrun_frames, xruns, cycles;
    _Atomic int64_t last_latency_ns;
    _Atomic uint32_t reconnects;
};

static int64_t now_ns(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);   /* vDSO: no system call, real-time safe */
    return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

/* ---- Real-time thread ---- */

static int process(jack_nframes_t n, void *arg) {
    vf_jack *j = arg;
    atomic_fetch_add_explicit(&j->cycles, 1, memory_order_relaxed);
    int count = atomic_load_explicit(&j->nports, memory_order_acquire);
    size_t prebuffer = atomic_load_explicit(&j->prebuffer, memory_order_relaxed);
    for (int i = 0; i < count; i++) {
        slot_t *s = &j->slots[i];
        jack_port_t *port = atomic_load_explicit(&s->port, memory_order_acquire);
        if (!port) continue;
        float *out = jack_port_get_buffer(port, n);
        uint32_t req = atomic_load_explicit(&s->flush_req, memory_order_acquire);
        if (req != s->flush_seen) {                 /* cancel: drop everything queued */
            size_t bytes = jack_ringbuffer_read_space(s->rb);
            bytes -= bytes % sizeof(float);
            jack_ringbuffer_read_advance(s->rb, bytes);
            s->read += bytes / sizeof(float);
            s->flush_seen = req;
            s->holding = 1;
        }
        uint64_t written = atomic_load_explicit(&s->written, memory_order_acquire);
        uint64_t ended = atomic_load_explicit(&s->ended_upto, memory_order_acquire);
        size_t avail = jack_ringbuffer_read_space(s->rb) / sizeof(float);
        int finishing = s->read < ended;            /* an ended utterance: play out, no prebuffer */
        if (s->holding && (finishing || avail >= prebuffer)) s->holding = 0;
        size_t take = s->holding ? 0 : (avail < n ? avail : n);
        if (take) jack_ringbuffer_read(s->rb, (char *)out, take * sizeof(float));
        if (take < n) {
            memset(out + take, 0, (n - take) * sizeof(float));
            if (!s->holding && s->read + take >= written) {
                /* The ring ran dry. Inside an utterance (not all of it queued yet) that is an
                   underrun; after its end it is the silence between utterances. Either way the
                   next audio waits for the prebuffer again. */
                if (written > ended) atomic_fetch_add_explicit(&j->underrun_frames, n - take, memory_order_relaxed);
                s->holding = 1;
            }
        }
        uint64_t mark = atomic_load_explicit(&s->mark_frame, memory_order_acquire);
        if (mark && take && s->read + take >= mark) {
            atomic_store_explicit(&j->last_latency_ns, now_ns() - atomic_load_explicit(&s->mark_time, memory_order_relaxed),
                                  memory_order_relaxed);
            atomic_compare_exchange_strong(&s->mark_frame, &mark, 0);
        }
        s->read += take;
        atomic_fetch_add_explicit(&j->frames_played, take, memory_order_relaxed);
    }
    return 0;
}

static int on_xrun(void *arg) {
    atomic_fetch_add_explicit(&((vf_jack *)arg)->xruns, 1, memory_order_relaxed);
    return 0;
}

static void on_shutdown(jack_status_t code, const char *reason, void *arg) {
    (void)code; (void)reason;
    atomic_store(&((vf_jack *)arg)->alive, 0);
}

static void on_latency(jack_latency_callback_mode_t mode, void *arg) {
    vf_jack *j = arg;
    if (mode != JackPlaybackLatency) return;
    jack_nframes_t pre = (jack_nframes_t)atomic_load(&j->prebuffer);
    int count = atomic_load(&j->nports);
    for (int i = 0; i < count; i++) {
        jack_port_t *port = atomic_load(&j->slots[i].port);
        if (!port) continue;
        jack_latency_range_t r = { pre, pre };
        jack_port_set_latency_range(port, JackPlaybackLatency, &r);
    }
}

/* ---- Control thread ---- */

static void silent(const char *msg) { (void)msg; }
static void to_stderr(const char *msg) { fprintf(stderr, "voxflow: jack: %s\n", msg); }

static jack_client_t *open_client(vf_jack *j, char *err, size_t errlen) {
    jack_status_t status = 0;
    /* Our own message says what failed and what to do; libjack's would come first and confuse. */
    jack_set_error_function(silent);
    jack_set_info_function(silent);
    jack_options_t opts = JackNoStartServer | JackUseExactName;
    jack_client_t *c = j->server_name[0]
        ? jack_client_open(j->client_name, opts | JackServerName, &status, j->server_name)
        : jack_client_open(j->client_name, opts, &status);
    if (c) jack_set_error_function(to_stderr);
    if (!c) {
        if (err) {
            if (status & JackNameNotUnique) snprintf(err, errlen, "a JACK client named '%s' already exists", j->client_name);
            else snprintf(err, errlen, "cannot connect to the JACK server%s%s; is jackd running? (libjack status 0x%x)",
                          j->server_name[0] ? " " : "", j->server_name, (unsigned)status);
        }
        return NULL;
    }
    jack_set_process_callback(c, process, j);
    jack_set_xrun_callback(c, on_xrun, j);
    jack_on_info_shutdown(c, on_shutdown, j);
    jack_set_latency_callback(c, on_latency, j);
    return c;
}

vf_jack *vf_jack_open(const char *client_name, const char *server_name, char *err, size_t errlen) {
    vf_jack *j = calloc(1, sizeof *j);
    snprintf(j->client_name, sizeof j->client_name, "%s", client_name);
    snprintf(j->server_name, sizeof j->server_name, "%s", server_name ? server_name : "");
    atomic_store(&j->last_latency_ns, -1);
    jack_client_t *c = open_client(j, err, errlen);
    if (!c) { free(j); return NULL; }
    atomic_store(&j->client, c);
    atomic_store(&j->alive, 1);
    return j;
}

int vf_jack_sample_rate(vf_jack *j) { return (int)jack_get_sample_rate(atomic_load(&j->client)); }
int vf_jack_buffer_size(vf_jack *j) { return (int)jack_get_buffer_size(atomic_load(&j->client)); }

int vf_jack_add_port(vf_jack *j, const char *port_name, size_t ring_frames) {
    int i = atomic_load(&j->nports);
    if (i >= VF_JACK_MAX_PORTS) return -1;
    slot_t *s = &j->slots[i];
    snprintf(s->name, sizeof s->name, "%s", port_name);
    jack_port_t *p = jack_port_register(atomic_load(&j->client), port_name, JACK_DEFAULT_AUDIO_TYPE, JackPortIsOutput, 0);
    if (!p) return -1;
    s->rb = jack_ringbuffer_create(ring_frames * sizeof(float));
    jack_ringbuffer_mlock(s->rb);
    s->holding = 1;
    atomic_store(&s->port, p);
    atomic_store_explicit(&j->nports, i + 1, memory_order_release);  /* publish to the process thread */
    return i;
}

const char *vf_jack_port_name(vf_jack *j, int slot) {
    jack_port_t *p = atomic_load(&j->slots[slot].port);
    return p ? jack_port_name(p) : j->slots[slot].name;
}

int vf_jack_activate(vf_jack *j) { return jack_activate(atomic_load(&j->client)); }

static int connect_regex(vf_jack *j, int slot, const char *regex) {
    jack_client_t *c = atomic_load(&j->client);
    const char **ports = jack_get_ports(c, regex, JACK_DEFAULT_AUDIO_TYPE, JackPortIsInput);
    int n = 0;
    for (int k = 0; ports && ports[k]; k++)
        if (jack_connect(c, vf_jack_port_name(j, slot), ports[k]) == 0) n++;
    if (ports) jack_free(ports);
    return n;
}

int vf_jack_connect(vf_jack *j, int slot, const char *regex) {
    snprintf(j->slots[slot].connect, sizeof j->slots[slot].connect, "%s", regex);
    return connect_regex(j, slot, regex);
}

void vf_jack_set_prebuffer(vf_jack *j, size_t frames) {
    atomic_store(&j->prebuffer, frames);
    jack_client_t *c = atomic_load(&j->client);
    if (c && atomic_load(&j->alive)) jack_recompute_total_latencies(c);
}

size_t vf_jack_write(vf_jack *j, int slot, const float *frames, size_t n) {
    slot_t *s = &j->slots[slot];
    size_t space = jack_ringbuffer_write_space(s->rb) / sizeof(float);
    size_t k = n < space ? n : space;
    if (k) jack_ringbuffer_write(s->rb, (const char *)frames, k * sizeof(float));
    atomic_fetch_add_explicit(&s->written, k, memory_order_release);
    return k;
}

size_t vf_jack_queued(vf_jack *j, int slot) { return jack_ringbuffer_read_space(j->slots[slot].rb) / sizeof(float); }

void vf_jack_mark_begin(vf_jack *j, int slot) {
    slot_t *s = &j->slots[slot];
    atomic_store_explicit(&s->mark_time, now_ns(), memory_order_relaxed);
    atomic_store_explicit(&s->mark_frame, atomic_load(&s->written) + 1, memory_order_release);
}

void vf_jack_mark_end(vf_jack *j, int slot) {
    slot_t *s = &j->slots[slot];
    atomic_store_explicit(&s->ended_upto, atomic_load(&s->written), memory_order_release);
}

void vf_jack_flush(vf_jack *j, int slot) { atomic_fetch_add_explicit(&j->slots[slot].flush_req, 1, memory_order_release); }

void vf_jack_stats_get(vf_jack *j, vf_jack_stats *out) {
    out->frames_played = atomic_load(&j->frames_played);
    out->underrun_frames = atomic_load(&j->underrun_frames);
    out->xruns = atomic_load(&j->xruns);
    out->cycles = atomic_load(&j->cycles);
    out->last_latency_ns = atomic_load(&j->last_latency_ns);
    out->alive = atomic_load(&j->alive);
    out->reconnects = atomic_load(&j->reconnects);
}

int vf_jack_alive(vf_jack *j) { return atomic_load(&j->alive); }

int vf_jack_reconnect(vf_jack *j) {
    jack_client_t *old = atomic_exchange(&j->client, NULL);
    if (old) jack_client_close(old);
    jack_client_t *c = open_client(j, NULL, 0);
    if (!c) return -1;
    atomic_store(&j->client, c);
    int count = atomic_load(&j->nports);
    for (int i = 0; i < count; i++) {
        jack_port_t *p = jack_port_register(c, j->slots[i].name, JACK_DEFAULT_AUDIO_TYPE, JackPortIsOutput, 0);
        atomic_store(&j->slots[i].port, p);
    }
    if (jack_activate(c) != 0) return -1;
    for (int i = 0; i < count; i++)
        if (j->slots[i].connect[0]) connect_regex(j, i, j->slots[i].connect);
    atomic_store(&j->alive, 1);
    atomic_fetch_add(&j->reconnects, 1);
    return 0;
}

void vf_jack_close(vf_jack *j) {
    jack_client_t *c = atomic_exchange(&j->client, NULL);
    if (c) {
        if (atomic_load(&j->alive)) jack_deactivate(c);
        jack_client_close(c);
    }
    int count = atomic_load(&j->nports);
    for (int i = 0; i < count; i++) jack_ringbuffer_free(j->slots[i].rb);
    free(j);
}
