'use client';
// In the browser, after hydration: define() upgrades the server-rendered card (adopted as it
// is) and renders a second card with the wasm core. On the server this module imports too.
import { useEffect, useRef } from 'react';
import { define } from 'khabar/element';

export default function ClientCards() {
  const card = useRef(null);
  useEffect(() => {
    const log = (e) => (e.target.dataset.event = e.type + (e.detail ? ` ${e.detail.code}` : ''));
    for (const el of document.querySelectorAll('khabar-card')) {
      el.addEventListener('khabar-ready', log);
      el.addEventListener('khabar-error', log);
    }
    define();
    document.body.dataset.hydrated = 'true';
  }, []);
  return <khabar-card id="client" ref={card} src="/article" locale="fr-MA" />;
}
