<?php
/**
 * Plugin Name:       article-diff
 * Description:       Shows what changed between two revisions of a post side by side, drawn by &lt;article-diff&gt;: changed words, moved, split and merged paragraphs, and changes that are only cosmetic or formatting.
 * Version:           0.1.0
 * Requires at least: 6.1
 * Requires PHP:      7.4
 * Author:            article-diff contributors
 * License:           MIT OR Apache-2.0
 * Text Domain:       article-diff
 *
 * @package ArticleDiff
 */

defined( 'ABSPATH' ) || exit;

define( 'ARTICLE_DIFF_VERSION', '0.1.0' );
define( 'ARTICLE_DIFF_FILE', __FILE__ );

require_once __DIR__ . '/includes/class-article-diff-view-preference.php';
require_once __DIR__ . '/includes/class-article-diff-assets.php';
require_once __DIR__ . '/includes/class-article-diff-revisions.php';
require_once __DIR__ . '/includes/class-article-diff-strings.php';

Article_Diff_View_Preference::register();
Article_Diff_Assets::register();
Article_Diff_Revisions::register();
