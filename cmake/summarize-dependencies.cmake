# summarize-dependencies.cmake - finds what libsummarize links and names each as an imported target:
# PkgConfig::ARS_UTF8PROC, PkgConfig::ARS_JANSSON, BLAS::BLAS (any BLAS with the CBLAS interface,
# through FindBLAS; BLA_VENDOR picks one, OpenBLAS by default) and summarize::stemmer (libstemmer,
# which ships no pkg-config file), and Threads::Threads (the parallel front end). Included by the build and, for a static libsummarize, by the
# installed package configuration, so that users link the same dependencies under the same names.
include_guard(GLOBAL)

find_package(PkgConfig REQUIRED QUIET)
set(THREADS_PREFER_PTHREAD_FLAG ON)
find_package(Threads REQUIRED)
pkg_check_modules(ARS_UTF8PROC REQUIRED QUIET IMPORTED_TARGET GLOBAL libutf8proc)
pkg_check_modules(ARS_JANSSON REQUIRED QUIET IMPORTED_TARGET GLOBAL jansson)

if(NOT DEFINED BLA_VENDOR)
  set(BLA_VENDOR OpenBLAS)
endif()
find_package(BLAS REQUIRED)

if(NOT TARGET summarize::stemmer)
  find_path(ARS_STEMMER_INCLUDE_DIR libstemmer.h)
  find_library(ARS_STEMMER_LIBRARY stemmer)
  if(NOT ARS_STEMMER_INCLUDE_DIR OR NOT ARS_STEMMER_LIBRARY)
    message(FATAL_ERROR "libstemmer (Snowball) not found: install libstemmer-dev")
  endif()
  add_library(summarize::stemmer UNKNOWN IMPORTED GLOBAL)
  set_target_properties(summarize::stemmer PROPERTIES
    IMPORTED_LOCATION "${ARS_STEMMER_LIBRARY}"
    INTERFACE_INCLUDE_DIRECTORIES "${ARS_STEMMER_INCLUDE_DIR}")
endif()

# libm by name (-lm), not by path, so that the exported link interface stays portable.
find_library(ARS_MATH_LIBRARY_PATH m)
if(ARS_MATH_LIBRARY_PATH)
  set(ARS_MATH_LIBRARY m)
else()
  set(ARS_MATH_LIBRARY "")
endif()
