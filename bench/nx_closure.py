#!/usr/bin/env python3
"""The same closure solved with networkx, for the side-by-side row of
`make bench`: what a user would otherwise write.

    nx_closure.py PROBLEM

PROBLEM is written by `queries --nx`: "R practice headroom" lines, then
for each area "A area patients" followed by "C practice metres" for each
receiver within reach, and "OURS placed metres".  Places the most patients,
then the least patient-metres (networkx.min_cost_flow, with an "unplaced"
node whose cost is more than any path could save), and prints

    NX build_ms solve_ms placed metres agree|differ
"""
import sys
import time


def main(path):
    t0 = time.perf_counter()
    import networkx as nx

    room, areas, ours = {}, [], None
    with open(path) as f:
        for line in f:
            w = line.split()
            if w[0] == "R":
                room[int(w[1])] = int(w[2])
            elif w[0] == "A":
                areas.append((int(w[1]), int(w[2]), []))
            elif w[0] == "C":
                areas[-1][2].append((int(w[1]), int(w[2])))
            elif w[0] == "OURS":
                ours = (int(w[1]), int(w[2]))
    t1 = time.perf_counter()
    g = nx.DiGraph()
    total = sum(n for _, n, _ in areas)
    dearest = max((m for _, _, c in areas for _, m in c), default=0)
    big = (dearest + 1) * (len(areas) + len(room) + 2)
    g.add_node("sink", demand=total)
    g.add_edge("unplaced", "sink", weight=0)
    for p, r in room.items():
        g.add_edge(("p", p), "sink", capacity=r, weight=0)
    for a, n, cands in areas:
        g.add_node(("a", a), demand=-n)
        g.add_edge(("a", a), "unplaced", capacity=n, weight=big)
        for p, m in cands:
            g.add_edge(("a", a), ("p", p), capacity=n, weight=m)
    t2 = time.perf_counter()
    flow = nx.min_cost_flow(g)
    t3 = time.perf_counter()
    placed = total - flow["unplaced"]["sink"]
    metres = sum(flow[("a", a)][("p", p)] * m for a, _, c in areas for p, m in c)
    agree = "agree" if ours == (placed, metres) else "differ"
    print("NX %.1f %.1f %d %d %s" % ((t2 - t1) * 1e3, (t3 - t2) * 1e3, placed, metres, agree))
    print("NX_READ_MS %.1f" % ((t1 - t0) * 1e3))


if __name__ == "__main__":
    main(sys.argv[1])
