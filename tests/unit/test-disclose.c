/* interim, replaced by the disclosure branch */
#include "tap.h"
int main(void) { ok(1, "interim"); return tap_done(); }
