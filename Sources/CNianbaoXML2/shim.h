#ifndef CNIANBAO_XML2_SHIM_H
#define CNIANBAO_XML2_SHIM_H
/* Debian's libxml2 is built with ICU; its headers then clash with Foundation's own ICU module.
   Include xmlversion.h first and switch the ICU part off (../shared/notes/libxml2-with-foundation.md).
   Never touch xmlCharEncodingHandler fields from Swift: their layout depends on that macro. */
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/xmlreader.h>
#include <libxml/xmlwriter.h>
#include <libxml/HTMLparser.h>
#endif
