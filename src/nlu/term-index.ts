import { readingSpanAllowed, type Analysed, type Term } from "./matcher.js";

/**
 * All dictionary terms in two Aho-Corasick automata (written forms, and
 * folded readings), so one pass over a message finds every term in it,
 * however large the vocabulary grows.
 */
class Automaton {
  private next: Map<string, number>[] = [new Map()];
  private fail: number[] = [0];
  private out: number[][] = [[]];

  add(pattern: string, id: number): void {
    let s = 0;
    for (const c of pattern) {
      let n = this.next[s].get(c);
      if (n === undefined) {
        n = this.next.length;
        this.next.push(new Map());
        this.fail.push(0);
        this.out.push([]);
        this.next[s].set(c, n);
      }
      s = n;
    }
    this.out[s].push(id);
  }

  build(): void {
    const queue: number[] = [];
    for (const n of this.next[0].values()) queue.push(n);
    while (queue.length) {
      const s = queue.shift()!;
      for (const [c, n] of this.next[s]) {
        queue.push(n);
        let f = this.fail[s];
        while (f !== 0 && !this.next[f].has(c)) f = this.fail[f];
        const g = this.next[f].get(c);
        this.fail[n] = g !== undefined && g !== n ? g : 0;
        this.out[n] = this.out[n].concat(this.out[this.fail[n]]);
      }
    }
  }

  /** Calls back with (id, end index exclusive, in UTF-16 units) for every occurrence. */
  scan(text: string, hit: (id: number, end: number) => void): void {
    let s = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text[i];
      while (s !== 0 && !this.next[s].has(c)) s = this.fail[s];
      s = this.next[s].get(c) ?? 0;
      for (const id of this.out[s]) hit(id, i + 1);
    }
  }
}

export class TermIndex {
  private readonly terms: Term[] = [];
  private readonly ids = new Map<Term, number>();
  private readonly written = new Automaton();
  private readonly reading = new Automaton();
  private built = false;

  add(term: Term): void {
    if (this.ids.has(term)) return;
    const id = this.terms.length;
    this.terms.push(term);
    this.ids.set(term, id);
    if (term.text) this.written.add(term.text, id);
    if (term.readable) this.reading.add(term.reading, id);
    this.built = false;
  }

  /** Which terms occur in the analysed text: found[id(term)] is true. */
  scan(a: Analysed): (term: Term) => boolean {
    if (!this.built) {
      this.written.build();
      this.reading.build();
      this.built = true;
    }
    const found = new Uint8Array(this.terms.length);
    this.written.scan(a.normalized, (id) => {
      found[id] = 1;
    });
    this.reading.scan(a.folded, (id, end) => {
      if (found[id]) return;
      const t = this.terms[id];
      if (readingSpanAllowed(t, a, end - t.reading.length, end)) found[id] = 1;
    });
    return (term) => {
      const id = this.ids.get(term);
      if (id === undefined) throw new Error(`term "${term.text}" is not indexed`);
      return found[id] === 1;
    };
  }
}
