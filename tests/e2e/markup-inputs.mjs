// @ts-check
/**
 * The HTML snippets the reading tests give both the browsers and the reader: a corpus of
 * malformed and hostile markup, and random tag soup (never deeper than 512, Chromium's limit;
 * no `<select>` content, which Chromium's customizable select parses its own way).
 */

/** Malformed and hostile markup, each case a browser reads in its own way. */
export const CORPUS = [
  // Blocks, implied end tags, auto-closing.
  '<p>one<p>two<div>three</div>four',
  '<ul><li>a<li>b<ul><li>c</ul>d</ul>',
  '<ol start="3"><li>x<li value="10">y<li>z</ol><ol reversed><li>a<li>b<li>c</ol>',
  '<dl><dt>term<dd>desc<dt>t2</dl>',
  '<h1>a<h2>b</h1>c',
  '<p>a</p></p>b',
  '</br>x<br/>y<br>',
  '<div>text<p>para</p>tail</div>',
  '<blockquote><p>q1<blockquote>q2</blockquote>q3</blockquote>',
  '<button>a<button>b</button>c',
  '<li>x<div>y<li>z',
  // Formatting, misnested formatting and the adoption agency.
  '<b><i>bold italic</b> italic</i> plain',
  '<p>1<b>2<p>3</b>4',
  '<b>1<div>2</b>3</div>4',
  '<a href="/x">1<div>2<a href="/y">3</a>4</div></a>',
  '<b><sub><p>x</b>y',
  '<b id=1><b id=2><b id=3><b id=4>deep</b></b></b></b>after<p>reopened?',
  '<p><b><i><u><s>x</p><p>y',
  '<em>a <strong>b</em> c</strong> d',
  '<nobr>a<nobr>b</nobr>c',
  '<b>a</b> <b>b</b><i> c </i>d',
  '<p><code>a  b</code> <kbd>c</kbd> <sub>2</sub><sup>3</sup> <mark>m</mark> <del>d</del><ins>i</ins></p>',
  '<pre><code>let x = 1;\n  y</code></pre>',
  '<a href="javascript:alert(1)">js</a> <a href=" https://e.example/a b ">sp</a> <a href="mailto:x@y">m</a> <a>no href</a> <a href=data:text/html,x>d</a>',
  // Tables and foster parenting.
  '<table><tr><td>A</td></tr>X<tr><td>B</table>',
  '<table><td>1<td>2<tr><th>3</table>after',
  '<table><caption>cap<tr><td>c</table>',
  '<table><b>bold<tr><td>cell</b>x</table>y',
  '<table><colgroup><col> z<tr><td>1</table>',
  '<p>para<table><tr><td>in</table>',
  '<table><tr><td><table><tr><td>inner</table>outer</table>',
  '<table>  <tr>  <td> a </td>  </tr>  </table>',
  // Raw text, RCDATA, comments, declarations.
  '<script>document.write("<p>no</p>")</script><p>yes',
  '<script><!--<script></script>--></script>after',
  '<style>p{}</style><title>t</title><textarea>\n<p>no</textarea>x',
  '<xmp><b>raw</b></xmp><plaintext><p>all text',
  '<iframe src="https://v.example/e"><p>no</p></iframe>after',
  '<noembed><p>no</p></noembed><noframes>no</noframes>x',
  '<!-- wp:paragraph --><p>wp</p><!-- /wp:paragraph -->',
  'a<!-- never ends <p>b',
  'a<!-->b<!--->c<!-- x --!>d',
  '<?php echo 1 ?>x<!DOCTYPE html>y<![CDATA[z]]>w',
  '<p>a\0b</p><pre>\0</pre>',
  // Character references and whitespace.
  '<p>&amp; &lt;&gt; &nbsp;x&#8217;s &#x110000; &#0; &#xD800; &copy2024 &notit; &NotEqualTilde; &#150; &bogus;</p>',
  '<p>  many   spaces \n\t here  </p><p>x<b> y </b>z</p>',
  '<pre>\nfirst\n\n  indented\n</pre><pre>\n\nblank first</pre><listing>\nl</listing>',
  '<p>a<br> <br>b<br></p><p><br>c</p>',
  '<p>a&#10;b&#13;c</p><pre>&#10;x</pre>',
  // Embeds and hidden things.
  '<p>see <img src="a.png" alt="A cat"> and <img src="javascript:x" alt="bad"></p>',
  '<video><source src="v.mp4"></video><audio src="s.mp3" title="song"></audio><object data="o.swf"></object><embed src="e.swf">',
  '<p hidden>hidden</p><dialog>closed</dialog><dialog open>open</dialog><input value="v"><select><option>o</select>',
  '<svg><text>svg text</text><p>breaks out</p></svg>',
  '<math><mi>x</mi><mo>=</mo><mn>2</mn></math> end',
  '<svg><foreignObject><p>in fo</p></foreignObject></svg>after',
  '<math><annotation-xml encoding="text/html"><p>ann</p></annotation-xml></math>z',
  // Whole documents.
  '<!DOCTYPE html><html><head><title>T</title><meta charset=utf-8><style>x</style></head><body><p>body</p></body></html>',
  '<html><body><p>a</p></body></html><p>after html',
  '<head><p>in head?</p></head>',
  '<form><p>f1<form>f2</form>f3',
  '<ruby>漢<rp>(</rp><rt>kan</rt><rp>)</rp></ruby>',
  '<details><summary>sum</summary>body</details><figure><img src=f.png alt=f><figcaption>cap</figcaption></figure>',
  '<center>c</center><address>addr</address><hgroup><h1>h</h1><p>sub</p></hgroup>',
  // Framesets: a body that shows nothing yet is replaced, and then nothing shows.
  '<p> </p><div><b></b></div><frameset><frame></frameset><noframes><p>nf</p></noframes>text',
  '<svg><g></g></svg><frameset>a',
  '<template>x</template><p></p><frameset>b',
  '<input type=hidden><frameset>c',
  'text<frameset>d',
  '<input><frameset>e',
  '<p><template>x</template></p><frameset>f',
  '<template><frameset></template>g',
  '</br><frameset>h',
];

/** A small deterministic PRNG (mulberry32). @param {number} seed @returns {() => number} */
export function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SOUP_TAGS = ('p div span b i em strong u s code sub sup a li ul ol dl dt dd h1 h2 h3 blockquote pre table ' +
  'tbody tr td th caption section article font nobr small mark ins del button xmp center figure figcaption hr br img ' +
  'address nav aside header footer main form label q template svg math mi mtext foreignObject desc title ' +
  'textarea style script noscript listing ruby rt rp colgroup col thead tfoot object marquee dialog details summary ' +
  'iframe noembed').split(' ');
const WORDS = ['one', 'two', 'Three', 'four’s', '&amp;', '&nbsp;', '&#8217;', '&copy', ' ', '  ', '\n', '\t', 'x y', '&lt;', 'é', '😀'];

/** Random tag soup: start and end tags, some attributes, text, comments; never deeper than 512. @param {() => number} rand */
export function soup(rand) {
  const pick = (/** @type {string[]} */ xs) => xs[Math.floor(rand() * xs.length)];
  let out = '';
  const n = 5 + Math.floor(rand() * 40);
  for (let k = 0; k < n; k++) {
    const r = rand();
    if (r < 0.35) {
      const tag = pick(SOUP_TAGS);
      let attrs = '';
      if (tag === 'a' && rand() < 0.8) attrs = ` href="${pick(['/x', 'https://e.example/y', 'javascript:z', '#'])}"`;
      if (tag === 'img') attrs = ` src="${pick(['a.png', 'b.png'])}" alt="${pick(['A', 'B', ''])}"`;
      if (tag === 'ol' && rand() < 0.5) attrs = ` start="${Math.floor(rand() * 5)}"`;
      if (rand() < 0.1) attrs += ' hidden';
      out += `<${tag}${attrs}>`;
    } else if (r < 0.6) {
      out += `</${pick(SOUP_TAGS)}>`;
    } else if (r < 0.63) {
      out += pick(['<!-- c -->', '<!-->', '<br/>', '</p>', '</br>']);
    } else {
      out += pick(WORDS);
    }
  }
  return out;
}
