<?php
// php -S's router for the test site: static files from Debian's WordPress as they are, PHP files
// run with ABSPATH at the test's root (its wp-config.php), every other path through index.php.
define('ABSPATH', getenv('KHABAR_WP_DIR') . '/root/');
$path = parse_url($_SERVER['REQUEST_URI'], PHP_URL_PATH);
$file = realpath('/usr/share/wordpress' . $path);
if ($file !== false && strpos($file, '/usr/share/wordpress/') === 0 && is_file($file)) {
    if (substr($file, -4) !== '.php') {
        return false;
    }
    chdir(dirname($file));
    require $file;
    return true;
}
chdir('/usr/share/wordpress');
require '/usr/share/wordpress/index.php';
