/* implemented by the study-file work */
#include "lgr-test-util.h"
