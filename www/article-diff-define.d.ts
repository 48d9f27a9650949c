// Types of `article-diff/define` (www/article-diff-define.js): importing it registers
// `<article-diff>` (unless the tag is taken already) and re-exports the class.
export {ArticleDiffElement} from './article-diff.js';
