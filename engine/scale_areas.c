/* Scaling a practice's areas to its list size (engine/dispersal.h). */
#include "engine/dispersal.h"

#include <math.h>
#include <stdlib.h>

void disp_scale_areas(disp_area *a, int n, long target)
{
    long sum = 0, given = 0;
    for (int i = 0; i < n; i++)
        sum += a[i].patients;
    if (sum <= 0 || sum == target)
        return;
    double *rem = calloc((size_t)n, sizeof *rem);
    if (!rem)
        return;
    for (int i = 0; i < n; i++) {
        double exact = (double)a[i].patients * (double)target / (double)sum;
        a[i].patients = (long)floor(exact);
        rem[i] = exact - floor(exact);
        given += a[i].patients;
    }
    for (; given < target; given++) {
        int best = 0;
        for (int i = 1; i < n; i++)
            if (rem[i] > rem[best])
                best = i;
        a[best].patients++;
        rem[best] = -1;
    }
    free(rem);
}
