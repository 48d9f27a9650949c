<?php
/**
 * Router of `php -S` for the CMS suites (tests/cms/php-server.mjs). Serves the suite's temp
 * folder (WordPress's wp-content, MediaWiki's extensions, where the plugin and extension are
 * installed) under ROUTER_STATIC_PREFIX, with the MIME types module scripts and WebAssembly
 * need; everything else goes to the CMS in the document root as `php -S` would serve it.
 */

$prefix = (string) getenv( 'ROUTER_STATIC_PREFIX' );
$dir = (string) getenv( 'ROUTER_STATIC_DIR' );
$path = rawurldecode( (string) parse_url( $_SERVER['REQUEST_URI'], PHP_URL_PATH ) );

// Debian's wp-config.php picks /etc/wordpress/config-$WORDPRESS_CONFIG.php from $_SERVER.
if ( getenv( 'WORDPRESS_CONFIG' ) !== false ) {
	$_SERVER['WORDPRESS_CONFIG'] = getenv( 'WORDPRESS_CONFIG' );
}

if ( $prefix === '' || strncmp( $path, $prefix, strlen( $prefix ) ) !== 0 ) {
	return false;
}

$root = realpath( $dir );
$file = realpath( $dir . '/' . substr( $path, strlen( $prefix ) ) );
// Symlinks in the folder may point anywhere; a path with `..` may not.
if ( $root === false || $file === false || !is_file( $file ) || strpos( $path, '/../' ) !== false ) {
	http_response_code( 404 );
	header( 'Content-Type: text/plain; charset=utf-8' );
	echo "Not found\n";
	return true;
}

if ( substr( $file, -4 ) === '.php' ) {
	// A PHP file in wp-content (a plugin's own entry point) runs as the CMS would run it.
	chdir( dirname( $file ) );
	require $file;
	return true;
}

$types = [
	'js' => 'text/javascript; charset=utf-8',
	'mjs' => 'text/javascript; charset=utf-8',
	'css' => 'text/css; charset=utf-8',
	'json' => 'application/json; charset=utf-8',
	'wasm' => 'application/wasm',
	'svg' => 'image/svg+xml',
	'png' => 'image/png',
	'txt' => 'text/plain; charset=utf-8',
];
$extension = strtolower( pathinfo( $file, PATHINFO_EXTENSION ) );
header( 'Content-Type: ' . ( $types[$extension] ?? 'application/octet-stream' ) );
header( 'Content-Length: ' . filesize( $file ) );
header( 'X-Content-Type-Options: nosniff' );
readfile( $file );
return true;
