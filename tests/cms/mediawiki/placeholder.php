<?php
/**
 * Prints, as JSON, each wikitext argument with its count parameter `$K` written as the
 * element's `{n}` where it is not {{PLURAL}}'s number (ElementStrings::countAsPlaceholder);
 * for tests/cms/strings.test.mjs, which needs PHP only.
 *
 * Usage: php placeholder.php PATH/TO/ElementStrings.php K WIKITEXT...
 *
 * @file
 */

namespace MediaWiki\Extension\ArticleDiff;

require $argv[1];

$method = new \ReflectionMethod( ElementStrings::class, 'countAsPlaceholder' );
$method->setAccessible( true );
echo json_encode(
	array_map( static function ( string $wikitext ) use ( $method, $argv ) {
		return $method->invoke( null, $wikitext, (int)$argv[2] );
	}, array_slice( $argv, 3 ) ),
	JSON_UNESCAPED_UNICODE | JSON_UNESCAPED_SLASHES
);
