// The declaration in include/ is all this module provides; the definition comes from libFuzzer's runtime.
#include "CFuzzerDriver.h"
