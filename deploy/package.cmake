# The Debian package: `make package` (cpack -G DEB) → build/wegwijzer_<version>_<arch>.deb.
# What goes where (deploy/README.md, "What the package installs"):
#   /usr/bin/wegwijzer                         the kiosk and its commands
#   /usr/share/wegwijzer/{content,fonts,audio} the shipped content pack, font choice, sounds
#   /etc/wegwijzer/wegwijzer.toml              the kiosk's settings (a conffile)
#   /usr/lib/systemd/system/wegwijzer-*        the kiosk session, the counts for Prometheus
#   /etc/pam.d/wegwijzer-kiosk                 the session's PAM stack (a conffile)
#   /usr/lib/udev/rules.d/60-wegwijzer.rules   USB receipt printers, USB headsets
#   /usr/sbin/wegwijzer-apply-config           settings → network drop-in, restart
#   /usr/sbin/wegwijzer-setup-cups-printer     an A4 CUPS queue for slips
#   /var/lib/wegwijzer                         data: made by postinst, removed on purge
include(GNUInstallDirs)

install(TARGETS wegwijzer RUNTIME DESTINATION bin)
install(DIRECTORY ${CMAKE_SOURCE_DIR}/content/ DESTINATION share/wegwijzer/content)
install(FILES ${CMAKE_SOURCE_DIR}/fonts/fonts.toml DESTINATION share/wegwijzer/fonts)
install(FILES ${CMAKE_SOURCE_DIR}/audio/README.md ${CMAKE_BINARY_DIR}/audio/tap.wav
              ${CMAKE_BINARY_DIR}/audio/page.wav DESTINATION share/wegwijzer/audio)
install(FILES ${CMAKE_SOURCE_DIR}/deploy/systemd/wegwijzer-kiosk.service
              ${CMAKE_SOURCE_DIR}/deploy/systemd/wegwijzer-export-stats.service
              ${CMAKE_SOURCE_DIR}/deploy/systemd/wegwijzer-export-stats.timer
        DESTINATION lib/systemd/system)
install(FILES ${CMAKE_SOURCE_DIR}/deploy/systemd/wegwijzer.tmpfiles DESTINATION lib/tmpfiles.d
        RENAME wegwijzer.conf)
install(FILES ${CMAKE_SOURCE_DIR}/deploy/udev/60-wegwijzer.rules DESTINATION lib/udev/rules.d)
install(PROGRAMS ${CMAKE_SOURCE_DIR}/deploy/lib/select-headset DESTINATION lib/wegwijzer)
install(PROGRAMS ${CMAKE_SOURCE_DIR}/deploy/wegwijzer-apply-config DESTINATION sbin)
install(PROGRAMS ${CMAKE_SOURCE_DIR}/deploy/setup-cups-printer.sh DESTINATION sbin
        RENAME wegwijzer-setup-cups-printer)
install(FILES ${CMAKE_SOURCE_DIR}/deploy/README.md DESTINATION share/doc/wegwijzer RENAME README.deploy.md)
install(FILES ${CMAKE_SOURCE_DIR}/README.md DESTINATION share/doc/wegwijzer)
# Absolute: /etc is not under the /usr prefix.
install(FILES ${CMAKE_SOURCE_DIR}/deploy/wegwijzer.toml DESTINATION /etc/wegwijzer)
install(FILES ${CMAKE_SOURCE_DIR}/deploy/pam/wegwijzer-kiosk DESTINATION /etc/pam.d)

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME wegwijzer)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "touch kiosk for information points in Dutch public libraries")
# The summary above is the first line; this is the text below it.
string(CONCAT CPACK_DEBIAN_PACKAGE_DESCRIPTION
  "Wegwijzer shows plain-Dutch pages with pictograms and speech, a short anonymous\n"
  "self-check and a warm-handover slip, fullscreen under cage on tty1. Nothing\n"
  "personal is stored.")
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "Wegwijzer maintainers <wegwijzer@localhost>")
set(CPACK_DEBIAN_PACKAGE_SECTION misc)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
# The shared libraries the binary links (SDL2, libespeak-ng, libcups, libicu72 with its
# locale data, ...) come from dpkg-shlibdeps; the rest are files and programs found at run time.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# (CPack joins the list with ", ".)
set(CPACK_DEBIAN_PACKAGE_DEPENDS
  # the session: the compositor (whose Debian build needs Xwayland to start), the
  # logind session, GL for SDL under Wayland (loaded at run time), ALSA's configuration
  cage xwayland systemd libpam-systemd libegl1 libgl1 libgl1-mesa-dri libasound2-data
  # fonts (fonts/fonts.toml), Dutch hyphenation and spelling, the voices
  fonts-noto-core fonts-material-design-icons-iconfont hyphen-nl hunspell-nl espeak-ng-data
  # postinst and postrm
  adduser init-system-helpers)
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "alsa-utils, cups-client")
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "cups, prometheus-node-exporter")
set(CPACK_DEBIAN_PACKAGE_CONTROL_EXTRA
  ${CMAKE_SOURCE_DIR}/deploy/debian/postinst
  ${CMAKE_SOURCE_DIR}/deploy/debian/prerm
  ${CMAKE_SOURCE_DIR}/deploy/debian/postrm
  ${CMAKE_SOURCE_DIR}/deploy/debian/conffiles)
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION TRUE)
# Debug symbols stay in the build tree: the kiosk's binary shrinks from ~50 MB to a few.
set(CPACK_STRIP_FILES TRUE)
include(CPack)
