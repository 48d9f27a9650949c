<?php
/**
 * Enqueues the element and the plugin's stylesheet on the revisions screen, the WordPress way:
 * no inline script or style, so a strict Content-Security-Policy holds. The element reads its
 * texts from its own data block, so it is the only script.
 *
 * @package ArticleDiff
 */

defined( 'ABSPATH' ) || exit;

/**
 * Scripts and styles of the revisions screen.
 */
final class Article_Diff_Assets {

	/** Handle of the element's define module; other plugins may depend on it. */
	const ELEMENT_HANDLE = 'article-diff';

	/** The element's entry module, relative to the plugin folder: the npm package's `./define`, built there by integrations/build.mjs. */
	const ELEMENT_ENTRY = 'lib/article-diff/article-diff-define.js';

	/** @var string[] Handles printed as `<script type="module">` on WordPress before 6.5. */
	private static $module_handles = array();

	/**
	 * Hooks the enqueueing.
	 */
	public static function register() {
		add_action( 'admin_enqueue_scripts', array( __CLASS__, 'enqueue' ) );
	}

	/**
	 * Enqueues on revision.php only.
	 *
	 * @param string $hook_suffix The admin page being loaded.
	 */
	public static function enqueue( $hook_suffix ) {
		if ( 'revision.php' !== $hook_suffix ) {
			return;
		}
		wp_enqueue_style( 'article-diff-revisions', self::url( 'assets/revisions.css' ), array(), self::version( 'assets/revisions.css' ) );
		self::enqueue_module( self::ELEMENT_HANDLE, self::ELEMENT_ENTRY, array() );
	}

	/**
	 * Enqueues an ES module: through the script-module API where WordPress has it (6.5+),
	 * else as a classic script handle whose tag gets `type="module"`.
	 *
	 * @param string   $handle Handle (also the module id).
	 * @param string   $file   Path relative to the plugin folder.
	 * @param string[] $deps   Handles it must come after.
	 */
	private static function enqueue_module( $handle, $file, $deps ) {
		if ( function_exists( 'wp_enqueue_script_module' ) ) {
			wp_enqueue_script_module( $handle, self::url( $file ), array(), self::version( $file ) );
			return;
		}
		wp_enqueue_script( $handle, self::url( $file ), $deps, self::version( $file ), true );
		self::$module_handles[] = $handle;
		if ( 1 === count( self::$module_handles ) ) {
			add_filter( 'script_loader_tag', array( __CLASS__, 'module_tag' ), 10, 2 );
		}
	}

	/**
	 * Makes the tags of our handles module scripts (WordPress before 6.5).
	 *
	 * @param string $tag    The `<script>` tag WordPress built.
	 * @param string $handle Its handle.
	 * @return string
	 */
	public static function module_tag( $tag, $handle ) {
		if ( ! in_array( $handle, self::$module_handles, true ) ) {
			return $tag;
		}
		$tag = preg_replace( '/\stype=(["\'])[^"\']*\1/', '', $tag );
		return preg_replace( '/<script\b/', '<script type="module"', $tag, 1 );
	}

	/**
	 * Whether the element's files are in the plugin (integrations/build.mjs builds them there).
	 * Without them the revisions screen keeps its classic table rather than an empty frame.
	 *
	 * @return bool
	 */
	public static function element_available() {
		return is_readable( plugin_dir_path( ARTICLE_DIFF_FILE ) . self::ELEMENT_ENTRY );
	}

	/**
	 * URL of a file of the plugin.
	 *
	 * @param string $file Path relative to the plugin folder.
	 * @return string
	 */
	private static function url( $file ) {
		return plugins_url( $file, ARTICLE_DIFF_FILE );
	}

	/**
	 * Cache-busting version of a file: the plugin's version and the file's time, so a rebuilt
	 * element is fetched again without a version bump.
	 *
	 * @param string $file Path relative to the plugin folder.
	 * @return string
	 */
	private static function version( $file ) {
		$time = @filemtime( plugin_dir_path( ARTICLE_DIFF_FILE ) . $file ); // phpcs:ignore WordPress.PHP.NoSilencedErrors -- a missing file is reported by the browser.
		return ARTICLE_DIFF_VERSION . ( $time ? '.' . $time : '' );
	}
}
