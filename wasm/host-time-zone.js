// The host's half of core/src/format/time_zone_host.cpp (linked with --js-library): a zone's
// offset from UTC in ms at a UTC instant, from the `zoneOffset` function the package hands the
// module factory (web/src/index.js, with the host's Intl); NaN for a zone the host does not know.
mergeInto(LibraryManager.library, {
  khabar_host_zone_offset: function (name, size, utc) {
    return Module['zoneOffset'](UTF8ToString(name, size), utc);
  },
});
