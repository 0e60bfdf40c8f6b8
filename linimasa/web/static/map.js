// The event map: Leaflet over the shipped world outline (no tiles, so it works offline), the places of the
// filtered events as circles, nearby places clustered with the sum of their events, zoomable to a street.
// Names reach the page only as text (textContent), never as markup.
(() => {
  const box = document.getElementById("eventmap");
  if (!box || !window.L) return;
  box.classList.add("live");
  const map = L.map(box, { worldCopyJump: true, minZoom: 1, maxZoom: 14, zoomSnap: 0.5, attributionControl: false });
  map.on("zoomend", () => { box.dataset.zoom = String(map.getZoom()); });
  map.setView([0, 118], 2);
  L.control.scale({ imperial: false }).addTo(map);

  // the outline in a pane of its own under the markers, whichever of the two arrives first
  map.createPane("outline").style.zIndex = "350";
  const outline = fetch(box.dataset.world).then((r) => r.json()).then((world) => {
    L.geoJSON(world, {
      pane: "outline", renderer: L.svg({ pane: "outline" }), interactive: false,
      style: { color: "#b9b4a8", weight: 0.7, fillColor: "#f4f1ea", fillOpacity: 1 },
    }).addTo(map);
  });

  const events = (marker) => marker.options.events || 0;
  const clusters = L.markerClusterGroup({
    maxClusterRadius: 36,
    showCoverageOnHover: false,
    iconCreateFunction: (cluster) => {
      const total = cluster.getAllChildMarkers().reduce((sum, m) => sum + events(m), 0);
      const size = total < 10 ? "small" : total < 100 ? "medium" : "large";
      const label = document.createElement("span");
      label.textContent = String(total);
      const inner = document.createElement("div");
      inner.appendChild(label);
      return L.divIcon({ html: inner, className: `marker-cluster marker-cluster-${size}`, iconSize: L.point(36, 36) });
    },
  });

  function popup(place) {
    const body = document.createElement("div");
    const link = document.createElement("a");
    const query = new URLSearchParams(box.dataset.query || "");  // the map's filters, and this place
    query.set("place", place.name);
    link.href = "/?" + query.toString();
    link.textContent = place.name + (place.country ? ` (${place.country})` : "");
    const count = document.createElement("div");
    count.textContent = `${place.events} event${place.events === 1 ? "" : "s"}`;
    body.append(link, count);
    return body;
  }

  fetch(box.dataset.places).then((r) => r.json()).then((data) => {
    const located = (data.items || []).filter((p) => p.lat !== null && p.lon !== null);
    const peak = Math.max(1, ...located.map((p) => p.events));
    for (const place of located) {
      const marker = L.circleMarker([place.lat, place.lon], {
        radius: 5 + 9 * Math.sqrt(place.events / peak), color: "#fff", weight: 1, fillColor: "#c8433a", fillOpacity: 0.8,
        events: place.events,
      });
      marker.bindPopup(() => popup(place));
      marker.bindTooltip(`${place.name}: ${place.events}`);
      clusters.addLayer(marker);
    }
    map.addLayer(clusters);
    if (located.length) map.fitBounds(clusters.getBounds(), { padding: [24, 24], maxZoom: 6, animate: false });
    box.dataset.ready = String(located.length);
  });
  outline.catch(() => box.classList.add("no-outline"));
})();
