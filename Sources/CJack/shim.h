#include <jack/jack.h>
#include <jack/ringbuffer.h>
