import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { escapeHtml, html } from '../../../lib/ui/index.js';

describe('html templates', () => {
  it('escapes every character that could open a tag or leave an attribute', () => {
    assert.equal(escapeHtml(`<a href="x" title='y'>&</a>`), '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
  });

  it('escapes interpolated text, in content and in attributes', () => {
    const name = '"><script>alert(1)</script>';
    assert.equal(html`<a title="${name}">${name}</a>`.text, '<a title="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;">&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;</a>');
  });

  it('inserts fragments built by the tag as they are, without escaping them twice', () => {
    const inner = html`<b>${'a & b'}</b>`;
    assert.equal(html`<p>${inner}</p>`.text, '<p><b>a &amp; b</b></p>');
  });

  it('joins lists and leaves out null, undefined and false', () => {
    assert.equal(html`<ul>${['<1>', html`<li>2</li>`, null, undefined, false, 3]}</ul>`.text, '<ul>&lt;1&gt;<li>2</li>3</ul>');
  });
});
