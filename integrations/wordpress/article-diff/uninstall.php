<?php
/**
 * Removes what the plugin stored: each user's choice of revisions view.
 *
 * @package ArticleDiff
 */

defined( 'WP_UNINSTALL_PLUGIN' ) || exit;

delete_metadata( 'user', 0, 'article_diff_revisions_view', '', true );
