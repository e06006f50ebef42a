/*
 * voxflow-sherpa-check: opens one sherpa-onnx text-to-speech model in a process of its own and says whether it loads.
 *
 * sherpa-onnx kills the process that opens a model with broken metadata (it calls exit() inside
 * SherpaOnnxCreateOfflineTts), so acoustic.sherpa runs this first, next to its plugin library, and only opens a model
 * in the host once this succeeded. Output on stdout, one line: "ok SAMPLE_RATE SPEAKERS", exit 0; or "refused", exit 2
 * (sherpa-onnx returned NULL, or the model gave no audio for a test phrase: the reason is on stderr). Any other exit or a
 * signal (a graph that does not take sherpa-onnx's inputs aborts in ONNX Runtime) means the model is broken.
 *
 * usage: voxflow-sherpa-check LIBRARY KIND key=value...   (KIND 1 vits, 2 matcha, 3 kokoro, 4 kitten, 5 zipvoice;
 *        keys: model decoder vocoder tokens lexicon voices lang)
 */
#include "csherpa.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(int argc, char **argv) {
    if (argc < 3) {
        fprintf(stderr, "usage: %s LIBRARY KIND key=value...\n", argv[0]);
        return 64;
    }
    char message[1024] = {0};
    if (vf_sherpa_open(argv[1], message, sizeof message) != 0) {
        fprintf(stderr, "%s\n", message);
        return 3;
    }
    vf_sherpa_config c;
    memset(&c, 0, sizeof c);
    c.kind = atoi(argv[2]);
    c.noise_scale = 0.667f;
    c.noise_scale_w = 0.8f;
    c.length_scale = 1.0f;
    c.num_threads = 1;
    for (int i = 3; i < argc; i++) {
        char *eq = strchr(argv[i], '=');
        if (!eq) continue;
        *eq = 0;
        const char *k = argv[i], *v = eq + 1;
        if (!strcmp(k, "model")) c.model = v;
        else if (!strcmp(k, "decoder")) c.decoder = v;
        else if (!strcmp(k, "vocoder")) c.vocoder = v;
        else if (!strcmp(k, "tokens")) c.tokens = v;
        else if (!strcmp(k, "lexicon")) c.lexicon = v;
        else if (!strcmp(k, "voices")) c.voices = v;
        else if (!strcmp(k, "lang")) c.lang = v;
    }
    const void *tts = vf_sherpa_create(&c);
    if (!tts) {
        printf("refused\n");
        return 2;
    }
    /* One short generation too: a model whose graph does not match what sherpa-onnx feeds it aborts here, not in
       the host. Models that read text (ZipVoice) are only opened. */
    if (c.kind != VF_SHERPA_ZIPVOICE) {
        const int32_t schwa[] = {0x0259, 0x0020, 0x0061};
        const int32_t len[] = {3};
        int total = 0;
        if (vf_sherpa_generate(tts, "", schwa, len, 1, 0, 1.0f, NULL, 0, 0, NULL, 0, NULL, NULL, &total) < 0) {
            printf("refused\n");
            fprintf(stderr, "the model produced no audio for a test phrase\n");
            return 2;
        }
    }
    printf("ok %d %d\n", vf_sherpa_sample_rate(tts), vf_sherpa_num_speakers(tts));
    fflush(stdout);
    vf_sherpa_destroy(tts);
    return 0;
}
