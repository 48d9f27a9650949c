<?php
/**
 * Prints, as JSON, the MediaWiki extension's table of the element's strings
 * (ElementStrings::MESSAGES: element key => [ message key, parameter names ]) and the name that
 * stands for a count among the parameters; for tests/cms/strings.test.mjs, which needs PHP only.
 *
 * Usage: php strings.php PATH/TO/ElementStrings.php
 *
 * @file
 */

namespace MediaWiki\Extension\ArticleDiff;

require $argv[1];

$constant = static function ( string $name ) {
	return ( new \ReflectionClassConstant( ElementStrings::class, $name ) )->getValue();
};
echo json_encode(
	[ 'messages' => $constant( 'MESSAGES' ), 'count' => $constant( 'COUNT' ) ],
	JSON_UNESCAPED_UNICODE | JSON_UNESCAPED_SLASHES
);
