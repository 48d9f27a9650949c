<?php
/**
 * Which comparison a user sees on the revisions screen: article-diff's (the default) or
 * WordPress's classic table. Kept per user, switched by a link under either comparison.
 *
 * @package ArticleDiff
 */

defined( 'ABSPATH' ) || exit;

/**
 * The per-user choice between article-diff's comparison and the classic one.
 */
final class Article_Diff_View_Preference {

	/** User meta key; holds 'classic' when the user chose WordPress's table, absent otherwise. */
	const META_KEY = 'article_diff_revisions_view';

	/** The admin-post.php action (and nonce action) that switches the view. */
	const ACTION = 'article_diff_revisions_view';

	/** The two views. */
	const ARTICLE_DIFF = 'article-diff';
	const CLASSIC      = 'classic';

	/**
	 * Hooks the switch handler.
	 */
	public static function register() {
		add_action( 'admin_post_' . self::ACTION, array( __CLASS__, 'handle_switch' ) );
	}

	/**
	 * Whether the current user chose the classic table.
	 *
	 * @return bool
	 */
	public static function is_classic() {
		$user_id = get_current_user_id();
		return $user_id > 0 && self::CLASSIC === get_user_meta( $user_id, self::META_KEY, true );
	}

	/**
	 * The URL that switches the current user to `$view` and comes back to the page it was
	 * followed from. Unescaped: pass it through esc_url() when printing.
	 *
	 * @param string $view self::ARTICLE_DIFF or self::CLASSIC.
	 * @return string
	 */
	public static function switch_url( $view ) {
		$url = add_query_arg(
			array(
				'action' => self::ACTION,
				'view'   => $view,
			),
			admin_url( 'admin-post.php' )
		);
		return wp_nonce_url( $url, self::ACTION );
	}

	/**
	 * admin-post.php handler: stores the choice and goes back to the revisions screen.
	 */
	public static function handle_switch() {
		check_admin_referer( self::ACTION );
		$user_id = get_current_user_id();
		if ( $user_id <= 0 || ! current_user_can( 'edit_posts' ) ) {
			wp_die( esc_html__( 'Sorry, you are not allowed to change how revisions are compared.', 'article-diff' ), 403 );
		}
		$view = isset( $_GET['view'] ) ? sanitize_key( wp_unslash( $_GET['view'] ) ) : '';
		if ( self::CLASSIC === $view ) {
			update_user_meta( $user_id, self::META_KEY, self::CLASSIC );
		} elseif ( self::ARTICLE_DIFF === $view ) {
			delete_user_meta( $user_id, self::META_KEY );
		} else {
			wp_die( esc_html__( 'Unknown revisions view.', 'article-diff' ), 400 );
		}
		// The revisions screen the link was followed from (its URL follows the slider).
		$back = wp_get_referer();
		wp_safe_redirect( $back ? $back : admin_url( 'edit.php' ) );
		exit;
	}
}
