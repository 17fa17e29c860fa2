// The host's half of core/src/format/time_zone_host.cpp (linked with --js-library): a zone's
// offset from UTC in ms at a UTC instant, from the host's own Intl (browsers, Node, workerd),
// so no zone data is downloaded. NaN for a zone the host does not know, or one not spelled as
// its IANA name (natively ICU matches exact names only: "europe/paris" is unknown there).
mergeInto(LibraryManager.library, {
  khabar_host_zone_offset__deps: ['$khabarZoneOffset'],
  khabar_host_zone_offset: function (name, size, utc) {
    return khabarZoneOffset(UTF8ToString(name, size), utc);
  },
  // One Intl.DateTimeFormat a zone, at most 64 kept (the card service takes the zone from the
  // request); the offset is the zone's wall time, read back as if it were UTC, minus the instant.
  $khabarZoneOffset: function (name, utc) {
    var formats = khabarZoneOffset.formats || (khabarZoneOffset.formats = new Map());
    var format = formats.get(name);
    if (format === undefined) {
      format = null;
      try {
        var f = new Intl.DateTimeFormat('en-US', {
          timeZone: name, hourCycle: 'h23', era: 'short', year: 'numeric', month: 'numeric',
          day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric',
        });
        var canonical = f.resolvedOptions().timeZone;
        // A link ("US/Eastern" -> "America/New_York") resolves to another name; a mis-cased id
        // to the same one: only the first is a name ICU knows.
        if (canonical === name || canonical.toLowerCase() !== name.toLowerCase()) format = f;
      } catch (e) {
        // RangeError: not a zone this host knows
      }
      if (formats.size >= 64) formats.clear();
      formats.set(name, format);
    }
    if (!format) return NaN;
    var second = Math.floor(utc / 1000) * 1000;
    var p = {};
    format.formatToParts(second).forEach(function (part) { p[part.type] = part.value; });
    var wall = new Date(0);
    wall.setUTCFullYear(p.era === 'BC' ? 1 - p.year : +p.year, p.month - 1, +p.day);
    wall.setUTCHours(+p.hour, +p.minute, +p.second);
    return wall.getTime() - second;
  },
});
