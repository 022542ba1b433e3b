# What `cmake --install BUILD --prefix P` puts under P (docs/getting-started.md):
#   include/mlopt-c/*.h                 the public C API
#   lib/libmlopt.so*                    mlopt + the mlir-c API, against Debian's libMLIR.so
#   include/mlopt-accel/accel_rt.h      the accelerator runtime ABI (docs/accel-runtime.md)
#   lib/libmlopt_accel_rt.so            its simulator; plain C, no MLIR
#   bin/ml-opt, bin/ml-run, bin/ml-import-onnx   the tools
#   lib/cmake/MLOpt/                    find_package(MLOpt) -> MLOpt::mlopt, MLOpt::accel_rt
#   lib/pkgconfig/mlopt.pc              pkg-config --cflags --libs mlopt
#   lib/python3/dist-packages/mlopt/    the Python package + _config.py
#   share/mlopt/examples/               the example models and the embed host
# Only install rules live here; nothing changes how targets build. The
# static libmlopt.a is not installed: it holds our objects only (internal
# ml_* helpers that need lib/'s private headers, no runtime/reference), for
# our own tools.
include(CMakePackageConfigHelpers)

set(MLOPT_PYTHON_INSTALL_DIR "lib/python3/dist-packages"
    CACHE STRING "Where the Python package mlopt/ is installed (relative to the prefix, or absolute)")
set(MLOPT_CMAKE_INSTALL_DIR "${CMAKE_INSTALL_LIBDIR}/cmake/MLOpt")

# Installed binaries find Debian's libMLIR.so / libLLVM.so through RUNPATH,
# as the build tree's do (/usr/lib/llvm-22/lib is not on the loader's path).
# INSTALL_RPATH only affects the installed copies.
set_target_properties(mlopt ml-opt ml-run ml-import-onnx PROPERTIES
  INSTALL_RPATH "${LLVM_LIBRARY_DIR}")

install(DIRECTORY ${PROJECT_SOURCE_DIR}/include/mlopt-c
        DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}
        FILES_MATCHING PATTERN "*.h")

# The shared library and the interface target carrying its MLIR link line,
# exported as MLOpt::mlopt and MLOpt::mlir_shared.
set_target_properties(mlopt_mlir_shared PROPERTIES EXPORT_NAME mlir_shared)
install(TARGETS mlopt mlopt_mlir_shared EXPORT MLOptTargets
        LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}
        INCLUDES DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})

# The accelerator simulator and its ABI header, exported as MLOpt::accel_rt
# (include <accel_rt.h>, link -lmlopt_accel_rt).
install(FILES ${PROJECT_SOURCE_DIR}/runtime/accel/accel_rt.h
        DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/mlopt-accel)
target_include_directories(mlopt_accel_rt INTERFACE
  $<INSTALL_INTERFACE:${CMAKE_INSTALL_INCLUDEDIR}/mlopt-accel>)
install(TARGETS mlopt_accel_rt EXPORT MLOptTargets
        LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR})
install(TARGETS ml-opt ml-run ml-import-onnx RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})

install(EXPORT MLOptTargets NAMESPACE MLOpt::
        DESTINATION ${MLOPT_CMAKE_INSTALL_DIR})
configure_package_config_file(
  ${PROJECT_SOURCE_DIR}/cmake/MLOptConfig.cmake.in
  ${PROJECT_BINARY_DIR}/cmake/MLOptConfig.cmake
  INSTALL_DESTINATION ${MLOPT_CMAKE_INSTALL_DIR}
  PATH_VARS CMAKE_INSTALL_INCLUDEDIR CMAKE_INSTALL_LIBDIR)
# 0.x: only the same minor version is compatible.
write_basic_package_version_file(
  ${PROJECT_BINARY_DIR}/cmake/MLOptConfigVersion.cmake
  VERSION ${PROJECT_VERSION} COMPATIBILITY SameMinorVersion)
install(FILES ${PROJECT_BINARY_DIR}/cmake/MLOptConfig.cmake
              ${PROJECT_BINARY_DIR}/cmake/MLOptConfigVersion.cmake
        DESTINATION ${MLOPT_CMAKE_INSTALL_DIR})

# The Python package: whatever *.py python/mlopt/ holds when installing.
install(DIRECTORY ${PROJECT_SOURCE_DIR}/python/mlopt
        DESTINATION ${MLOPT_PYTHON_INSTALL_DIR} OPTIONAL
        FILES_MATCHING PATTERN "*.py" PATTERN "py.typed"
        PATTERN "__pycache__" EXCLUDE)

install(DIRECTORY ${PROJECT_SOURCE_DIR}/examples/
        DESTINATION ${CMAKE_INSTALL_DATADIR}/mlopt/examples
        FILES_MATCHING PATTERN "*.mlir")
install(FILES ${PROJECT_SOURCE_DIR}/test/embed/CMakeLists.txt
              ${PROJECT_SOURCE_DIR}/test/embed/host.c
        DESTINATION ${CMAKE_INSTALL_DATADIR}/mlopt/examples/embed)

# Files that name the final prefix (mlopt.pc, the Python package's
# _config.py) are written at install time, when `cmake --install --prefix`
# has fixed it: cmake/MLOptInstallFiles.cmake.in, run as an install script.
get_target_property(MLOPT_SOVERSION mlopt SOVERSION)
set(MLOPT_PC_MLIR_CFLAGS "")
foreach(dir ${MLIR_INCLUDE_DIRS})
  string(APPEND MLOPT_PC_MLIR_CFLAGS " -I${dir}")
endforeach()
set(MLOPT_SONAME
    "${CMAKE_SHARED_LIBRARY_PREFIX}mlopt${CMAKE_SHARED_LIBRARY_SUFFIX}.${MLOPT_SOVERSION}")
configure_file(${PROJECT_SOURCE_DIR}/cmake/MLOptInstallFiles.cmake.in
               ${PROJECT_BINARY_DIR}/cmake/MLOptInstallFiles.cmake @ONLY)
install(SCRIPT ${PROJECT_BINARY_DIR}/cmake/MLOptInstallFiles.cmake)
