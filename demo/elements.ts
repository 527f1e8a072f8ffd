/** The demo registers every element, as the one-tag CDN bundle does. */
import '../src/define/all.js';
