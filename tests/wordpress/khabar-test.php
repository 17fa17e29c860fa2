<?php
/*
 * Plugin Name: Khabar test only
 * Description: lets the test site fetch from the Khabar service and the publisher, both on 127.0.0.1 (never install elsewhere).
 */
// WordPress refuses loopback addresses and ports other than 80, 443 and 8080 for oEmbed
// discovery (wp_http_validate_url); the test's two servers are on 127.0.0.1 with their own ports.
// WP_HTTP_BLOCK_EXTERNAL (wp-config.php) refuses every other host.
$khabar_ports = array_map('intval', explode(',', getenv('KHABAR_WP_ALLOWED_PORTS') ?: ''));
add_filter('http_request_host_is_external', function ($external, $host) {
    return $host === '127.0.0.1' ? true : $external;
}, 10, 2);
add_filter('http_allowed_safe_ports', function ($ports) use ($khabar_ports) {
    return array_merge($ports, $khabar_ports);
});
// Every outgoing request, for the test's "nothing left 127.0.0.1".
add_filter('pre_http_request', function ($response, $args, $url) {
    $log = getenv('KHABAR_WP_DIR') . '/http.log';
    file_put_contents($log, $url . "\n", FILE_APPEND);
    return $response;
}, 1, 3);
