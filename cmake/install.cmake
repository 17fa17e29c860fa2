# Installing Khabar: the library as khabar::core with a config and a version file, so that
# find_package(khabar) works after `cmake --install`; the public headers; the CLI; the licences.
include(GNUInstallDirs)
include(CMakePackageConfigHelpers)

set(KHABAR_CMAKE_DIR ${CMAKE_INSTALL_LIBDIR}/cmake/khabar)
set_target_properties(khabar_core PROPERTIES EXPORT_NAME core)

install(TARGETS khabar_core EXPORT khabarTargets
  ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
  LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}
  RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR}
  INCLUDES DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(DIRECTORY ${PROJECT_SOURCE_DIR}/core/include/khabar DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}
  FILES_MATCHING PATTERN "*.hpp")
install(FILES ${KHABAR_GENERATED_INCLUDE_DIR}/khabar/version.hpp DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/khabar)
if(TARGET khabar)
  install(TARGETS khabar RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
endif()
# The subset Noto fonts `khabar image` draws with, where the installed CLI looks for them
# (share/khabar/fonts beside its bin/).
if(TARGET khabar_fonts)
  install(DIRECTORY ${PROJECT_BINARY_DIR}/core/fonts/ DESTINATION ${CMAKE_INSTALL_DATADIR}/khabar/fonts
    FILES_MATCHING PATTERN "*.ttf")
endif()
install(FILES ${PROJECT_SOURCE_DIR}/LICENSE ${PROJECT_SOURCE_DIR}/THIRD-PARTY-NOTICES.md
  DESTINATION ${CMAKE_INSTALL_DOCDIR})

install(EXPORT khabarTargets NAMESPACE khabar:: DESTINATION ${KHABAR_CMAKE_DIR})
configure_package_config_file(${CMAKE_CURRENT_LIST_DIR}/khabarConfig.cmake.in
  ${PROJECT_BINARY_DIR}/khabarConfig.cmake INSTALL_DESTINATION ${KHABAR_CMAKE_DIR})
# 0.x: a new minor version may change the API, so only the same major.minor is compatible.
write_basic_package_version_file(${PROJECT_BINARY_DIR}/khabarConfigVersion.cmake
  COMPATIBILITY SameMinorVersion)
install(FILES ${PROJECT_BINARY_DIR}/khabarConfig.cmake ${PROJECT_BINARY_DIR}/khabarConfigVersion.cmake
  DESTINATION ${KHABAR_CMAKE_DIR})
