<?php
/**
 * Plugin Name: article-diff CMS suite: a translation (tests/cms/wordpress.test.mjs)
 * Description: For a request with the cookie article_diff_test_locale=pl_PL only: the user's
 * locale is Polish and a few of the plugin's strings are translated through WordPress's own
 * gettext filters, as a language pack's translations would be, Polish plural forms included.
 * Installed by the suite as a must-use plugin; no other request is touched.
 *
 * @package ArticleDiffTests
 */

defined( 'ABSPATH' ) || exit;

if ( ! isset( $_COOKIE['article_diff_test_locale'] ) || 'pl_PL' !== $_COOKIE['article_diff_test_locale'] ) {
	return;
}

add_filter(
	'determine_locale',
	static function () {
		return 'pl_PL';
	}
);

add_filter(
	'gettext_article-diff',
	static function ( $translation, $text ) {
		$polish = array(
			'Previous'     => 'Poprzednia',
			'Next'         => 'Następna',
			'Side by side' => 'Obok siebie',
			'%1$s of %2$s' => '%1$s z %2$s',
		);
		return isset( $polish[ $text ] ) ? $polish[ $text ] : $translation;
	},
	10,
	2
);

add_filter(
	'gettext_with_context_article-diff',
	static function ( $translation, $text ) {
		return 'Inline' === $text ? 'W jednej kolumnie' : $translation;
	},
	10,
	2
);

add_filter(
	'ngettext_article-diff',
	static function ( $translation, $single, $plural, $number ) {
		// gettext's Polish plural formula: one, few (2–4, but not 12–14), many.
		$form   = 1 === $number ? 0 : ( $number % 10 >= 2 && $number % 10 <= 4 && ( $number % 100 < 10 || $number % 100 >= 20 ) ? 1 : 2 );
		$polish = array(
			'%s change' => array( '%s zmiana', '%s zmiany', '%s zmian' ),
			'+%s word'  => array( '+%s słowo', '+%s słowa', '+%s słów' ),
		);
		return isset( $polish[ $single ] ) ? $polish[ $single ][ $form ] : $translation;
	},
	10,
	4
);
