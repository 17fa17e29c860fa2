<?php
// Khabar's WordPress test site (tests/wordpress): Debian's WordPress under `php -S 127.0.0.1`,
// its database on a socket of the test's own MariaDB, its content in build/wordpress. Read
// instead of Debian's /etc/wordpress/config-*.php: router.php and the CLI scripts define ABSPATH
// as the test's root, whose wp-config.php links here. Nothing leaves 127.0.0.1.
$khabar_dir = getenv('KHABAR_WP_DIR');
$khabar_home = 'http://127.0.0.1:' . getenv('KHABAR_WP_PORT');
define('DB_NAME', 'wordpress');
define('DB_USER', 'root');
define('DB_PASSWORD', '');
define('DB_HOST', 'localhost:' . $khabar_dir . '/mysqld.sock');
define('DB_CHARSET', 'utf8mb4');
define('DB_COLLATE', '');
define('WP_HOME', $khabar_home);
define('WP_SITEURL', $khabar_home);
define('WP_CONTENT_DIR', $khabar_dir . '/wp-content');
define('WP_CONTENT_URL', $khabar_home . '/wp-content');
// Every request but to 127.0.0.1 (the site's own host) is refused by WordPress itself.
define('WP_HTTP_BLOCK_EXTERNAL', true);
define('DISABLE_WP_CRON', true);
define('AUTOMATIC_UPDATER_DISABLED', true);
define('WP_AUTO_UPDATE_CORE', false);
define('WP_DEBUG', false);
foreach (['AUTH_KEY', 'SECURE_AUTH_KEY', 'LOGGED_IN_KEY', 'NONCE_KEY', 'AUTH_SALT', 'SECURE_AUTH_SALT', 'LOGGED_IN_SALT', 'NONCE_SALT'] as $key) {
    define($key, 'khabar-test-only-' . $key);
}
$table_prefix = 'wp_';
require_once ABSPATH . 'wp-settings.php';
