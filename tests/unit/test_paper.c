/* The board paper's choice of receivers: the ten that gain most, any
 * over or near capacity, and a round bound for the rest. */
#include "tests/unit/t.h"
#include "core/paper.h"

#include <stdlib.h>

static impact_receiver recv(int i, long before, long gain, long capacity)
{
    impact_receiver r = {.practice = i, .list_before = before, .gain = gain,
                         .list_after = before + gain, .capacity = capacity};
    r.over_before = before > capacity;
    r.over_capacity = r.list_after > capacity;
    return r;
}

int main(void)
{
    CHECK_INT(paper_round_above(0), 1);
    CHECK_INT(paper_round_above(14), 20);
    CHECK_INT(paper_round_above(20), 50);
    CHECK_INT(paper_round_above(68), 100);
    CHECK_INT(paper_round_above(100), 200);

    /* Fourteen receivers, largest gain first: the ten, then one over
     * capacity, one full, one near and one with room. */
    impact_receiver r[14];
    for (int i = 0; i < 10; i++)
        r[i] = recv(i, 1000, 100 - i, 2000);
    r[10] = recv(10, 1000, 30, 1020);  /* over */
    r[11] = recv(11, 1000, 20, 1020);  /* full */
    r[12] = recv(12, 1000, 10, 1020);  /* 1,010 of 1,020: within 2% */
    r[13] = recv(13, 1000, 5, 2000);   /* room */
    whatif wf = {0};
    wf.im.receivers = r;
    wf.im.nreceivers = 14;
    paper_receivers pr;
    CHECK_INT(paper_pick(&wf, &pr), 0);
    CHECK_INT(pr.n, 13);
    CHECK_INT(pr.rows[10], 10);
    CHECK_INT(pr.rows[12], 12);
    CHECK_INT(pr.others, 1);
    CHECK_INT(pr.others_under, 10);
    CHECK_INT(pr.over, 1);
    CHECK_INT(pr.near, 2);
    CHECK_STR(paper_capacity_note(&r[10]), "over capacity");
    CHECK_STR(paper_capacity_note(&r[11]), "full");
    CHECK_STR(paper_capacity_note(&r[12]), "near capacity");
    CHECK_STR(paper_capacity_note(&r[13]), "");
    impact_receiver already = recv(0, 1100, 5, 1000);
    CHECK_STR(paper_capacity_note(&already), "already over");
    paper_free(&pr);
    T_DONE();
}
