#ifndef CNIANBAO_ZIP_SHIM_H
#define CNIANBAO_ZIP_SHIM_H
#include <zip.h>
#endif
