<?php
// php setup.php ARTICLE_URL [ARTICLE_URL...]: installs the test site (wp_install, Twenty
// Twenty-Three) in the empty database and posts each article's URL twice, as an author would:
// pasted alone on a line of a classic post, and as the embed block the editor saves for it.
// Prints {"classic": [ids], "block": [ids]}.
define('ABSPATH', getenv('KHABAR_WP_DIR') . '/root/');
define('WP_INSTALLING', true);
$_SERVER['HTTP_HOST'] = '127.0.0.1:' . getenv('KHABAR_WP_PORT');
$_SERVER['REQUEST_URI'] = '/';
// No mail for the new site (no sendmail here): the pluggable function, defined first.
function wp_new_blog_notification() {}
require ABSPATH . 'wp-load.php';
require_once ABSPATH . 'wp-admin/includes/upgrade.php';
ob_start();
wp_install('Khabar partner', 'author', 'author@example.invalid', false, '', 'khabar-test-password');
ob_end_clean();
wp_set_current_user(1); // the author: unfiltered_html, as an editor's save
switch_theme('twentytwentythree');
update_option('permalink_structure', '');
$out = ['classic' => [], 'block' => []];
foreach (array_slice($argv, 1) as $url) {
    $out['classic'][] = wp_insert_post([
        'post_title' => 'Classic paste',
        'post_content' => "A partner's post.\n\n$url\n\nThe paragraph after the card.",
        'post_status' => 'publish',
        'post_author' => 1,
    ]);
    // The block the editor saves for a provider whose html is WordPress's form (type wp-embed).
    $block = '<!-- wp:paragraph --><p>A partner\'s post.</p><!-- /wp:paragraph -->' . "\n\n" .
        '<!-- wp:embed {"url":"' . esc_url_raw($url) . '","type":"wp-embed","providerNameSlug":"khabar"} -->' . "\n" .
        '<figure class="wp-block-embed is-type-wp-embed is-provider-khabar wp-block-embed-khabar"><div class="wp-block-embed__wrapper">' . "\n" .
        esc_url($url) . "\n" . '</div></figure>' . "\n" . '<!-- /wp:embed -->' . "\n\n" .
        '<!-- wp:paragraph --><p>The paragraph after the card.</p><!-- /wp:paragraph -->';
    $out['block'][] = wp_insert_post([
        'post_title' => 'Embed block',
        'post_content' => $block,
        'post_status' => 'publish',
        'post_author' => 1,
    ]);
}
echo json_encode($out), "\n";
