<?php
/**
 * Prints, as JSON, the strings the WordPress plugin hands the element (Article_Diff_Strings::
 * for_element()) in English, and the text domains its gettext calls name; for
 * tests/cms/strings.test.mjs, which needs PHP only. WordPress's gettext functions are stood in
 * for by their behaviour without a translation (the text as given, the singular for 1); the
 * CMS suite checks the same strings in a real WordPress.
 *
 * Usage: php strings.php PATH/TO/class-article-diff-strings.php [TRANSLATIONS_JSON]
 * where TRANSLATIONS_JSON maps English texts to the translations the stand-ins return.
 *
 * @package ArticleDiffTests
 */

define( 'ABSPATH', __DIR__ . '/' );

$GLOBALS['article_diff_test_domains']      = array();
$GLOBALS['article_diff_test_translations'] = isset( $argv[2] ) ? json_decode( $argv[2], true ) : array();

/**
 * The translation the test gave for a text, or the text.
 *
 * @param string $text Text.
 */
function article_diff_test_translate( $text ) {
	return $GLOBALS['article_diff_test_translations'][ $text ] ?? $text;
}

/**
 * Notes the text domain of a gettext call.
 *
 * @param mixed $domain The domain given.
 */
function article_diff_test_domain( $domain ) {
	$GLOBALS['article_diff_test_domains'][ (string) $domain ] = true;
}

/**
 * WordPress's __() without a translation.
 *
 * @param string $text   Text.
 * @param string $domain Text domain.
 */
function __( $text, $domain = 'default' ) {
	article_diff_test_domain( $domain );
	return article_diff_test_translate( $text );
}

/**
 * WordPress's _x() without a translation.
 *
 * @param string $text    Text.
 * @param string $context Context.
 * @param string $domain  Text domain.
 */
function _x( $text, $context, $domain = 'default' ) {
	article_diff_test_domain( $domain );
	return article_diff_test_translate( $text );
}

/**
 * WordPress's _n_noop().
 *
 * @param string $singular Singular.
 * @param string $plural   Plural.
 * @param string $domain   Text domain.
 */
function _n_noop( $singular, $plural, $domain = null ) {
	article_diff_test_domain( $domain );
	return array( 0 => $singular, 1 => $plural, 'singular' => $singular, 'plural' => $plural, 'context' => null, 'domain' => $domain );
}

/**
 * WordPress's translate_nooped_plural() without a translation: English's two forms.
 *
 * @param array  $nooped From _n_noop().
 * @param int    $count  The number.
 * @param string $domain Text domain.
 */
function translate_nooped_plural( $nooped, $count, $domain = 'default' ) {
	article_diff_test_domain( $domain );
	return article_diff_test_translate( 1 === (int) $count ? $nooped['singular'] : $nooped['plural'] );
}

/** WordPress's determine_locale() for an English user. */
function determine_locale() {
	return 'en_US';
}

/**
 * WordPress's apply_filters() with no filter added.
 *
 * @param string $hook  Hook.
 * @param mixed  $value Value.
 */
function apply_filters( $hook, $value ) {
	return $value;
}

require $argv[1];

echo json_encode(
	array(
		'strings' => Article_Diff_Strings::for_element(),
		'domains' => array_keys( $GLOBALS['article_diff_test_domains'] ),
	),
	JSON_UNESCAPED_UNICODE | JSON_UNESCAPED_SLASHES
);
