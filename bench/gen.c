/*
 * gen: writes a synthetic England in the published NHS, ONS and OS file
 * formats (docs: FORMATS.md), for scale tests of the importer and engine.
 *
 *   gen [--seed N] [--small] [--practices N] [--lsoas N] [--lsoa-rows N]
 *       [--postcodes N] [--months N] OUTDIR
 *
 * Everything follows from the seed: every entity draws from its own
 * xoshiro256** stream, so output is byte-identical for a given seed.
 * Towns have heavy-tailed sizes (the ten largest sit where England's
 * largest cities are); LSOAs cluster around towns with a sparse
 * countryside between; practices sit at postcodes inside LSOAs.
 */
#include <errno.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#define EOL "\r\n" /* the NHS and ONS files are published with CRLF */
#define PI 3.14159265358979323846
#define RAD (PI / 180.0)
#define EARTH_KM 6371.0088
#define LATEST_YEAR 2026 /* the newest month generated is April 2026 */
#define LATEST_MONTH 4
#define UNITS_PER_SECTOR 400 /* 20 x 20 unit letter pairs */
#define PC_PER_DISTRICT (10 * UNITS_PER_SECTOR)
#define NAGE 20 /* five-year bands 0_4 .. 90_94, 95+ */

/* ---------------------------------------------------------------- PRNG */

typedef struct {
    uint64_t s[4];
} Rng;

static uint64_t splitmix(uint64_t *x)
{
    uint64_t z = (*x += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

/* Streams: one per (purpose, entity), so adding draws to one entity never
 * shifts another's numbers. */
enum { S_TOWN = 1, S_LSOA, S_PC, S_ORG, S_GEO, S_LIST, S_LSOAROW, S_AGE,
       S_CONTRACT, S_MISC };

static void rng_seed(Rng *r, uint64_t seed, uint64_t tag, uint64_t idx)
{
    uint64_t x = seed ^ (tag << 56) ^ (idx * 0xD1B54A32D192ED03ULL);
    for (int i = 0; i < 4; i++)
        r->s[i] = splitmix(&x);
}

static uint64_t rotl(uint64_t x, int k)
{
    return (x << k) | (x >> (64 - k));
}

static uint64_t rng_next(Rng *r)
{
    uint64_t *s = r->s;
    uint64_t out = rotl(s[1] * 5, 7) * 9;
    uint64_t t = s[1] << 17;
    s[2] ^= s[0];
    s[3] ^= s[1];
    s[1] ^= s[2];
    s[0] ^= s[3];
    s[2] ^= t;
    s[3] = rotl(s[3], 45);
    return out;
}

static double rng_unif(Rng *r)
{
    return (double)(rng_next(r) >> 11) * 0x1.0p-53;
}

static int rng_int(Rng *r, int n)
{
    return (int)(rng_unif(r) * n);
}

static double rng_norm(Rng *r)
{
    double u = 1.0 - rng_unif(r), v = rng_unif(r);
    return sqrt(-2.0 * log(u)) * cos(2.0 * PI * v);
}

static const char *pick(Rng *r, const char *const *list, int n)
{
    return list[rng_int(r, n)];
}
#define PICK(r, a) pick((r), (a), (int)(sizeof(a) / sizeof((a)[0])))

/* ------------------------------------------------------------- vocab */

static const char *const PRE[] = {
    "ASH", "BRAD", "CAST", "CHEL", "DUN", "ELM", "FAIR", "GRAN", "HAL",
    "HOLM", "KING", "LANG", "MAR", "MID", "NEW", "NOR", "OAK", "PEN", "RAV",
    "ROCH", "SAL", "SHEP", "STAN", "SUN", "THORN", "WAL", "WEST", "WHIT",
    "WIN", "WOOD", "ALDER", "BARN", "BIRCH", "BLACK", "BROM", "CALDER",
    "CROW", "EAST", "FELL", "GLEN", "HART", "HEATH", "KIRK", "LEA", "MEL",
    "MOOR", "RED", "SAND", "SEL", "STAM", "STOW", "TAM", "WAKE", "WEL",
    "YARN", "BUR", "COLD", "DAL", "ELS", "HAM"};
static const char *const SUF[] = {
    "FORD", "TON", "HAM", "BURY", "FIELD", "LEY", "WICK", "BOROUGH", "BY",
    "CASTER", "MOUTH", "STEAD", "WORTH", "BRIDGE", "CHESTER", "DALE",
    "HOLME", "MINSTER", "PORT", "WELL", "COMBE", "HURST", "THORPE"};
static const char *const STREET[] = {
    "PARK", "ORCHARD", "ABBEY", "CASTLE", "MILL", "STATION", "CHURCH",
    "MARKET", "BRIDGE", "VICTORIA", "ALBERT", "QUEENS", "KINGS", "GROVE",
    "MEADOW", "FOREST", "RIVERSIDE", "HILLSIDE", "GREEN", "MANOR", "PRIORY",
    "CHAPEL", "WELLINGTON", "SPRING", "BEECH", "ELM", "CEDAR", "WILLOW",
    "HOLLY", "OAKWOOD", "FERNDALE", "ROSEMARY", "CROSS", "ST JOHNS",
    "ST MARYS", "HIGHFIELD", "LIME TREE", "WESTGATE", "EASTGATE", "CHERRY"};
static const char *const ROADTYPE[] = {
    "ROAD", "STREET", "LANE", "AVENUE", "WAY", "DRIVE", "CLOSE", "HILL",
    "TERRACE", "CRESCENT"};
static const char *const SURNAME[] = {
    "SMITH", "JONES", "PATEL", "KHAN", "TAYLOR", "BROWN", "WILLIAMS",
    "WILSON", "JOHNSON", "DAVIES", "ROBINSON", "WRIGHT", "THOMPSON", "EVANS",
    "WALKER", "WHITE", "ROBERTS", "GREEN", "HALL", "WOOD", "JACKSON",
    "CLARKE", "SHAH", "AHMED", "HUSSAIN", "SINGH", "MURPHY", "O'BRIEN",
    "KAUR", "MORGAN", "COOPER", "WARD", "HUGHES", "EDWARDS", "TURNER",
    "COLLINS", "BAKER", "HILL", "MOORE", "MARTIN"};
static const char *const BUILDING[] = {
    "THE HEALTH CENTRE", "THE SURGERY", "THE MEDICAL CENTRE",
    "PRIMARY CARE CENTRE", "THE OLD VICARAGE", "HEALTH & WELLBEING CENTRE",
    "UNIT 3", "FIRST FLOOR"};
static const char *const PCNSUF[] = {
    "CENTRAL", "NORTH", "SOUTH", "EAST", "WEST", "RURAL", "HEALTH", "CARE",
    "VALLEY", "PARK", "PARTNERSHIP", "COLLABORATIVE", "ALLIANCE", "UNITED"};
static const char *const SERVICE[] = {
    "COMMUNITY NURSING SERVICE", "OUT OF HOURS SERVICE", "URGENT CARE HUB",
    "COMMUNITY DERMATOLOGY SERVICE", "MEMORY SERVICE", "PALLIATIVE CARE TEAM",
    "WALK-IN CENTRE", "SEXUAL HEALTH SERVICE"};
static const char *const COMPANY[] = {
    "HEALTHCARE LTD", "MEDICAL SERVICES LTD", "PRIMARY CARE LTD",
    "HEALTH PARTNERSHIP LLP", "COMMUNITY INTEREST COMPANY"};
static const char UNIT_LETTERS[] = "ABDEFGHJLNPQRSTUWXYZ";

/* --------------------------------------------------------- geography */

typedef struct {
    double lat, lon;
} Pt;

/* A rough outline of England (lon, lat), enough to keep towns off the sea
 * and out of Wales and Scotland. */
static const double OUTLINE[][2] = {
    {-5.70, 50.06}, {-5.05, 50.00}, {-4.20, 50.33}, {-3.50, 50.20},
    {-3.40, 50.62}, {-2.95, 50.70}, {-2.45, 50.58}, {-1.95, 50.60},
    {-1.30, 50.75}, {-0.80, 50.73}, {0.25, 50.74},  {0.95, 50.90},
    {1.40, 51.15},  {1.42, 51.38},  {0.90, 51.52},  {0.95, 51.75},
    {1.30, 51.93},  {1.75, 52.45},  {1.70, 52.75},  {1.20, 52.95},
    {0.40, 52.95},  {0.20, 52.85},  {0.35, 53.15},  {0.10, 53.55},
    {-0.20, 53.65}, {-0.10, 54.10}, {-0.50, 54.45}, {-1.15, 54.65},
    {-1.35, 54.95}, {-1.55, 55.30}, {-1.80, 55.65}, {-2.05, 55.80},
    {-2.35, 55.60}, {-2.70, 55.35}, {-3.05, 55.05}, {-3.35, 54.92},
    {-3.60, 54.50}, {-3.25, 54.10}, {-2.95, 53.78}, {-3.05, 53.42},
    {-3.05, 53.25}, {-2.75, 53.10}, {-3.10, 52.90}, {-3.05, 52.55},
    {-3.10, 52.25}, {-2.95, 51.90}, {-2.65, 51.62}, {-2.95, 51.40},
    {-3.10, 51.22}, {-3.80, 51.23}, {-4.30, 51.20}, {-4.55, 51.02},
    {-4.75, 50.80}, {-5.15, 50.55}};
#define NOUTLINE ((int)(sizeof(OUTLINE) / sizeof(OUTLINE[0])))

/* England's largest cities, so that the biggest generated towns sit in
 * believable places (lat, lon). */
static const Pt CITY[] = {
    {51.507, -0.128}, {52.486, -1.890}, {53.480, -2.243}, {53.800, -1.549},
    {53.408, -2.960}, {54.978, -1.617}, {53.381, -1.470}, {51.454, -2.588},
    {52.954, -1.158}, {52.636, -1.139}};
#define NCITY ((int)(sizeof(CITY) / sizeof(CITY[0])))

static int in_england(double lat, double lon)
{
    int in = 0;
    for (int i = 0, j = NOUTLINE - 1; i < NOUTLINE; j = i++) {
        double xi = OUTLINE[i][0], yi = OUTLINE[i][1];
        double xj = OUTLINE[j][0], yj = OUTLINE[j][1];
        if ((yi > lat) != (yj > lat) &&
            lon < (xj - xi) * (lat - yi) / (yj - yi) + xi)
            in = !in;
    }
    return in;
}

static double dist_km(double lat1, double lon1, double lat2, double lon2)
{
    double dlat = (lat2 - lat1) * RAD, dlon = (lon2 - lon1) * RAD;
    double a = sin(dlat / 2) * sin(dlat / 2) +
               cos(lat1 * RAD) * cos(lat2 * RAD) * sin(dlon / 2) * sin(dlon / 2);
    return 2.0 * EARTH_KM * asin(sqrt(a));
}

/* A point displaced from (lat, lon) by a normal offset of sigma km. */
static Pt scatter(Rng *r, double lat, double lon, double sigma)
{
    Pt p;
    p.lat = lat + rng_norm(r) * sigma / 111.2;
    p.lon = lon + rng_norm(r) * sigma / (111.2 * cos(lat * RAD));
    return p;
}

static Pt scatter_land(Rng *r, double lat, double lon, double sigma)
{
    Pt p = scatter(r, lat, lon, sigma);
    for (int t = 0; t < 20 && !in_england(p.lat, p.lon); t++)
        p = scatter(r, lat, lon, sigma);
    return p;
}

static Pt random_land(Rng *r)
{
    Pt p;
    do {
        p.lat = 50.0 + rng_unif(r) * 5.8;
        p.lon = -5.7 + rng_unif(r) * 7.5;
    } while (!in_england(p.lat, p.lon));
    return p;
}

/* WGS84 latitude/longitude to British National Grid metres: Helmert
 * shift to OSGB36, then the Transverse Mercator projection (OS guide). */
static void airy_latlon(double x, double y, double z, double *phi, double *lam)
{
    const double a = 6377563.396, b = 6356256.909;
    double e2 = 1 - (b * b) / (a * a), p = sqrt(x * x + y * y);
    double f = atan2(z, p * (1 - e2));
    for (int i = 0; i < 6; i++) {
        double nu = a / sqrt(1 - e2 * sin(f) * sin(f));
        f = atan2(z + e2 * nu * sin(f), p);
    }
    *phi = f;
    *lam = atan2(y, x);
}

static void tm_project(double phi, double lam, double *east, double *north)
{
    const double a = 6377563.396, b = 6356256.909, F0 = 0.9996012717;
    const double phi0 = 49 * RAD, lam0 = -2 * RAD;
    double e2 = 1 - (b * b) / (a * a), n = (a - b) / (a + b);
    double s = sin(phi), c = cos(phi), t = tan(phi);
    double nu = a * F0 / sqrt(1 - e2 * s * s);
    double rho = a * F0 * (1 - e2) / pow(1 - e2 * s * s, 1.5);
    double eta2 = nu / rho - 1, dp = phi - phi0, sp = phi + phi0;
    double M = b * F0 * ((1 + n + 1.25 * n * n + 1.25 * n * n * n) * dp -
                         (3 * n + 3 * n * n + 21.0 / 8 * n * n * n) * sin(dp) * cos(sp) +
                         (15.0 / 8 * n * n + 15.0 / 8 * n * n * n) * sin(2 * dp) * cos(2 * sp) -
                         35.0 / 24 * n * n * n * sin(3 * dp) * cos(3 * sp));
    double c3 = c * c * c, c5 = c3 * c * c, t2 = t * t, t4 = t2 * t2;
    double I = M - 100000.0, II = nu / 2 * s * c;
    double III = nu / 24 * s * c3 * (5 - t2 + 9 * eta2);
    double IIIA = nu / 720 * s * c5 * (61 - 58 * t2 + t4);
    double IV = nu * c, V = nu / 6 * c3 * (nu / rho - t2);
    double VI = nu / 120 * c5 * (5 - 18 * t2 + t4 + 14 * eta2 - 58 * t2 * eta2);
    double dl = lam - lam0, dl2 = dl * dl;
    *north = I + II * dl2 + III * dl2 * dl2 + IIIA * dl2 * dl2 * dl2;
    *east = 400000.0 + IV * dl + V * dl2 * dl + VI * dl2 * dl2 * dl;
}

static void to_bng(double lat, double lon, double *east, double *north)
{
    const double a = 6378137.0, b = 6356752.3141;
    const double tx = -446.448, ty = 125.157, tz = -542.060, sc = 20.4894e-6;
    const double rx = -0.1502 / 3600 * RAD, ry = -0.2470 / 3600 * RAD,
                 rz = -0.8421 / 3600 * RAD;
    double e2 = 1 - (b * b) / (a * a), phi = lat * RAD, lam = lon * RAD;
    double nu = a / sqrt(1 - e2 * sin(phi) * sin(phi));
    double x1 = nu * cos(phi) * cos(lam), y1 = nu * cos(phi) * sin(lam);
    double z1 = (1 - e2) * nu * sin(phi);
    double x2 = tx + (1 + sc) * x1 - rz * y1 + ry * z1;
    double y2 = ty + rz * x1 + (1 + sc) * y1 - rx * z1;
    double z2 = tz - ry * x1 + rx * y1 + (1 + sc) * z1;
    double p2, l2;
    airy_latlon(x2, y2, z2, &p2, &l2);
    tm_project(p2, l2, east, north);
}

/* Interleaved bits of the position: sorting by it keeps neighbours near. */
static uint64_t morton(double lat, double lon)
{
    uint32_t y = (uint32_t)((lat - 49.0) / 8.0 * 65535.0);
    uint32_t x = (uint32_t)((lon + 7.0) / 10.0 * 65535.0);
    uint64_t m = 0;
    for (int i = 0; i < 16; i++)
        m |= (uint64_t)((x >> i) & 1) << (2 * i) |
             (uint64_t)((y >> i) & 1) << (2 * i + 1);
    return m;
}

/* ------------------------------------------------------------- regions */

typedef struct {
    const char *code, *ons, *name, *letters;
} Region;

static const Region REGIONS[] = {
    {"Y56", "E40000003", "London", "EF"},
    {"Y59", "E40000005", "South East", "GHJK"},
    {"Y58", "E40000006", "South West", "L"},
    {"Y61", "E40000007", "East of England", "D"},
    {"Y60", "E40000011", "Midlands", "MC"},
    {"Y62", "E40000010", "North West", "NP"},
    {"Y63", "E40000012", "North East and Yorkshire", "AB"}};
enum { R_LON, R_SE, R_SW, R_EAST, R_MID, R_NW, R_NEY };

static int region_of(double lat, double lon)
{
    if (dist_km(lat, lon, CITY[0].lat, CITY[0].lon) < 30)
        return R_LON;
    if (lat >= 53.3)
        return lon < -2.05 ? R_NW : R_NEY;
    if (lat >= 53.0 && lon < -2.3)
        return R_NW;
    if (lat >= 52.7 && lon >= -0.4)
        return R_MID;
    if (lat >= 52.0 && lon < -0.4)
        return R_MID;
    if (lon >= -0.4 && lat >= 51.6)
        return R_EAST;
    return lon < -2.0 ? R_SW : R_SE;
}

/* The nine ONS regions, as the IMD file names them. */
static const char *ons_region_name(double lat, double lon)
{
    switch (region_of(lat, lon)) {
    case R_LON: return "London";
    case R_SE: return "South East";
    case R_SW: return "South West";
    case R_EAST: return "East of England";
    case R_MID: return lon < -1.6 ? "West Midlands" : "East Midlands";
    case R_NW: return "North West";
    default: return lat < 54.4 ? "Yorkshire and The Humber" : "North East";
    }
}

/* --------------------------------------------------------- the world */

typedef struct {
    uint64_t seed;
    int practices, lsoas, lsoa_rows, postcodes, months;
    const char *out;
} Cfg;

typedef struct {
    char name[24], title[24];
    double lat, lon, weight, sigma, effect;
    int area, county, nlsoa, mdistrict;
    char std[16];
} Town;

typedef struct {
    char code[3];
    int next; /* linear position of the next free postcode */
} Area;

typedef struct {
    double lat, lon, score;
    float spread;
    int town, area, pc_start, npc, imd, income, msoa, msoa_no, pcon;
    char letter;
    uint64_t key;
} Lsoa;

enum { K_ACTIVE, K_INACTIVE, K_OTHER };

typedef struct {
    char code[8], name[48], addr1[64], addr2[64], phone[32], parent[8];
    const char *role;
    int kind, lsoa, pc, town, sub, pcn, list;
    long open_date, close_date;
    int open_ym, close_ym; /* months since year 0; -1/INT_MAX if none */
    double lat, lon, growth;
} Org;

typedef struct {
    char code[16], ons[24], name[128];
    double lat, lon;
    int parent, n;
} Unit; /* a sub-ICB location, ICB or PCN */

typedef struct {
    Cfg cfg;
    Town *town;
    int ntown, ncounty;
    char (*county)[32];
    Area *area;
    int narea, cap_area;
    Lsoa *lsoa;
    int nlsoa;
    Org *org;
    int norg, nactive;
    int *by_code; /* register rows sorted by code */
    int *by_sub;  /* the same, grouped by sub-ICB as the list files are */
    Unit *sub, *icb, *pcn;
    int nsub, nicb, npcn;
    int *icb_region;
    unsigned char *used; /* practice code numbers taken, per letter */
    long npostcodes;
} World;

static void *xcalloc(size_t n, size_t size)
{
    void *p = calloc(n ? n : 1, size);
    if (!p) {
        fprintf(stderr, "gen: out of memory\n");
        exit(1);
    }
    return p;
}

static void title_case(char *dst, const char *src, size_t cap)
{
    size_t i = 0;
    for (; src[i] && i + 1 < cap; i++) {
        char ch = src[i];
        int first = i == 0 || src[i - 1] == ' ' || src[i - 1] == '-';
        dst[i] = first ? ch : (char)(ch >= 'A' && ch <= 'Z' ? ch + 32 : ch);
    }
    dst[i] = 0;
}

static int cur_ym(void)
{
    return LATEST_YEAR * 12 + (LATEST_MONTH - 1);
}

/* ----------------------------------------------------------------- towns */

static void town_name(World *w, Rng *r, int i)
{
    Town *t = &w->town[i];
    for (int tries = 0;; tries++) {
        snprintf(t->name, sizeof t->name, "%s%s", PICK(r, PRE), PICK(r, SUF));
        if (tries > 50)
            snprintf(t->name, sizeof t->name, "%s%s %d", PICK(r, PRE),
                     PICK(r, SUF), i);
        int dup = 0;
        for (int j = 0; j < i && !dup; j++)
            dup = strcmp(w->town[j].name, t->name) == 0;
        if (!dup)
            break;
    }
    title_case(t->title, t->name, sizeof t->title);
}

/* Towns are placed largest first, each clear of those already placed. */
static void town_place(World *w, Rng *r, int i)
{
    Town *t = &w->town[i];
    if (i < NCITY && w->ntown >= 2 * NCITY) {
        t->lat = CITY[i].lat;
        t->lon = CITY[i].lon;
        return;
    }
    for (int tries = 0;; tries++) {
        Pt p = random_land(r);
        int ok = 1;
        for (int j = 0; j < i && ok; j++) {
            double gap = 2.0 * (t->sigma + w->town[j].sigma) + 3.0;
            ok = dist_km(p.lat, p.lon, w->town[j].lat, w->town[j].lon) >
                 gap * (tries > 200 ? 0.3 : 1.0);
        }
        if (ok || tries > 400) {
            t->lat = p.lat;
            t->lon = p.lon;
            return;
        }
    }
}

static void make_towns(World *w, int urban)
{
    Rng r;
    rng_seed(&r, w->cfg.seed, S_TOWN, 0);
    w->ntown = w->cfg.practices / 32;
    if (w->ntown < 8)
        w->ntown = 8;
    w->town = xcalloc((size_t)w->ntown, sizeof(Town));
    double total = 0;
    for (int i = 0; i < w->ntown; i++) {
        w->town[i].weight = pow(i + 1.0, -1.05); /* Zipf-like sizes */
        total += w->town[i].weight;
    }
    for (int i = 0; i < w->ntown; i++) {
        Town *t = &w->town[i];
        double expect = urban * t->weight / total;
        t->sigma = 0.2 * sqrt(expect) + 0.5;
        t->effect = rng_norm(&r);
        town_name(w, &r, i);
        town_place(w, &r, i);
        if (i < 12)
            snprintf(t->std, sizeof t->std, "0%d", 20 + i % 10);
        else
            snprintf(t->std, sizeof t->std, "01%03d", 200 + rng_int(&r, 800));
    }
}

/* Counties: the larger towns name one each; every town joins the nearest. */
static void make_counties(World *w)
{
    w->ncounty = w->ntown / 5 + 1;
    w->county = xcalloc((size_t)w->ncounty, sizeof *w->county);
    for (int c = 0; c < w->ncounty; c++) {
        if (c < 4)
            snprintf(w->county[c], sizeof w->county[c], "GREATER %s",
                     w->town[c].name);
        else
            snprintf(w->county[c], sizeof w->county[c], "%.20sSHIRE",
                     w->town[c].name);
    }
    for (int i = 0; i < w->ntown; i++) {
        double best = 1e18;
        for (int c = 0; c < w->ncounty; c++) {
            double d = dist_km(w->town[i].lat, w->town[i].lon, w->town[c].lat,
                               w->town[c].lon);
            if (d < best) {
                best = d;
                w->town[i].county = c;
            }
        }
    }
}

/* ----------------------------------------------------------- postcodes */

static int new_area(World *w, Rng *r)
{
    static const char single[] = "BEGLMNSW";
    if (w->narea == w->cap_area) {
        w->cap_area = w->cap_area ? 2 * w->cap_area : 64;
        w->area = realloc(w->area, (size_t)w->cap_area * sizeof(Area));
        if (!w->area) {
            fprintf(stderr, "gen: out of memory\n");
            exit(1);
        }
    }
    Area *a = &w->area[w->narea];
    for (;;) {
        if (w->narea < 8) {
            a->code[0] = single[w->narea];
            a->code[1] = 0;
        } else {
            a->code[0] = (char)('A' + rng_int(r, 26));
            a->code[1] = (char)('A' + rng_int(r, 26));
            a->code[2] = 0;
        }
        int dup = 0;
        for (int i = 0; i < w->narea && !dup; i++)
            dup = strcmp(w->area[i].code, a->code) == 0;
        if (!dup)
            break;
    }
    a->next = 0;
    return w->narea++;
}

/* Half the towns own a postcode area; the rest share the nearest one. */
static void assign_areas(World *w)
{
    Rng r;
    rng_seed(&r, w->cfg.seed, S_TOWN, 1);
    int owners = (w->ntown + 1) / 2;
    for (int i = 0; i < owners; i++)
        w->town[i].area = new_area(w, &r);
    for (int i = owners; i < w->ntown; i++) {
        double best = 1e18;
        for (int j = 0; j < owners; j++) {
            double d = dist_km(w->town[i].lat, w->town[i].lon, w->town[j].lat,
                               w->town[j].lon);
            if (d < best) {
                best = d;
                w->town[i].area = w->town[j].area;
            }
        }
    }
}

static void postcode_text(const World *w, int li, int i, char *buf, size_t cap)
{
    const Lsoa *l = &w->lsoa[li];
    int p = l->pc_start + i, u = p % UNITS_PER_SECTOR;
    snprintf(buf, cap, "%s%d %d%c%c", w->area[l->area].code,
             1 + p / PC_PER_DISTRICT, (p / UNITS_PER_SECTOR) % 10,
             UNIT_LETTERS[u / 20], UNIT_LETTERS[u % 20]);
}

typedef struct {
    double lat, lon;
    int term;   /* YYYYMM terminated, or 0 */
    int nogrid; /* no grid reference: lat 99.999999 */
} Postcode;

/* Each postcode is a pure function of (seed, LSOA, index), so practices
 * can pick one and the ONSPD writer regenerate it identically. */
static Postcode postcode_at(const World *w, int li, int i)
{
    Rng r;
    Postcode pc;
    const Lsoa *l = &w->lsoa[li];
    rng_seed(&r, w->cfg.seed, S_PC, ((uint64_t)li << 20) | (uint64_t)i);
    Pt p = scatter(&r, l->lat, l->lon, l->spread);
    pc.lat = p.lat;
    pc.lon = p.lon;
    pc.term = rng_unif(&r) < 0.03 ? (1990 + rng_int(&r, 36)) * 100 + 1 + rng_int(&r, 12) : 0;
    pc.nogrid = rng_unif(&r) < 0.002;
    return pc;
}

/* Postcodes run on through an area in district order; each town starts a
 * new district, and a full area hands its town a fresh one. */
static void allocate_postcodes(World *w)
{
    Rng r;
    rng_seed(&r, w->cfg.seed, S_PC, 0xFFFFFFFFFFULL);
    double base = (double)w->cfg.postcodes / w->nlsoa;
    int last_town = -1;
    w->npostcodes = 0;
    for (int i = 0; i < w->nlsoa; i++) {
        Lsoa *l = &w->lsoa[i];
        Town *t = &w->town[l->town];
        l->npc = (int)(base * (0.5 + rng_unif(&r)) + 0.5);
        if (l->npc < 3)
            l->npc = 3;
        if (w->area[t->area].next + l->npc > 99 * PC_PER_DISTRICT)
            t->area = new_area(w, &r);
        Area *a = &w->area[t->area];
        if (l->town != last_town)
            a->next = (a->next + PC_PER_DISTRICT - 1) / PC_PER_DISTRICT * PC_PER_DISTRICT;
        if (a->next + l->npc > 99 * PC_PER_DISTRICT) {
            t->area = new_area(w, &r);
            a = &w->area[t->area];
        }
        last_town = l->town;
        l->area = t->area;
        l->pc_start = a->next;
        a->next += l->npc;
        w->npostcodes += l->npc;
    }
}

/* ---------------------------------------------------------------- LSOAs */

static int pick_town(const World *w, Rng *r, const double *cum)
{
    double u = rng_unif(r) * cum[w->ntown - 1];
    int lo = 0, hi = w->ntown - 1;
    while (lo < hi) {
        int mid = (lo + hi) / 2;
        if (cum[mid] < u)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

static int nearest_town(const World *w, double lat, double lon)
{
    int best = 0;
    double bd = 1e18;
    for (int i = 0; i < w->ntown; i++) {
        double d = dist_km(lat, lon, w->town[i].lat, w->town[i].lon);
        if (d < bd) {
            bd = d;
            best = i;
        }
    }
    return best;
}

static int cmp_lsoa(const void *pa, const void *pb)
{
    const Lsoa *a = pa, *b = pb;
    if (a->town != b->town)
        return a->town < b->town ? -1 : 1;
    return a->key < b->key ? -1 : a->key > b->key;
}

static void place_lsoa(World *w, Rng *r, Lsoa *l, int urban, const double *cum)
{
    if (urban) {
        Town *t = &w->town[pick_town(w, r, cum)];
        Pt p = scatter_land(r, t->lat, t->lon, t->sigma);
        l->lat = p.lat;
        l->lon = p.lon;
        l->spread = 0.3f;
        return;
    }
    /* countryside: half scattered anywhere, half around the towns */
    Pt p;
    if (rng_unif(r) < 0.5) {
        p = random_land(r);
        l->spread = 1.2f;
    } else {
        Town *t = &w->town[rng_int(r, w->ntown)];
        p = scatter_land(r, t->lat, t->lon, 10.0);
        l->spread = 0.8f;
    }
    l->lat = p.lat;
    l->lon = p.lon;
}

static void make_lsoas(World *w, int urban)
{
    Rng r;
    rng_seed(&r, w->cfg.seed, S_LSOA, 0);
    double *cum = xcalloc((size_t)w->ntown, sizeof(double));
    for (int i = 0; i < w->ntown; i++)
        cum[i] = w->town[i].weight + (i ? cum[i - 1] : 0);
    w->nlsoa = w->cfg.lsoas;
    w->lsoa = xcalloc((size_t)w->nlsoa, sizeof(Lsoa));
    for (int i = 0; i < w->nlsoa; i++) {
        Lsoa *l = &w->lsoa[i];
        place_lsoa(w, &r, l, i < urban, cum);
        l->town = nearest_town(w, l->lat, l->lon);
        l->key = morton(l->lat, l->lon);
    }
    free(cum);
    qsort(w->lsoa, (size_t)w->nlsoa, sizeof(Lsoa), cmp_lsoa);
    for (int i = 0; i < w->nlsoa; i++)
        w->town[w->lsoa[i].town].nlsoa++;
}

/* MSOAs group ~5 neighbouring LSOAs; constituencies ~90. */
static void group_lsoas(World *w)
{
    Rng r;
    rng_seed(&r, w->cfg.seed, S_LSOA, 1);
    int msoa = -1, pcon = -1, in_msoa = 0, msoa_size = 0, in_pcon = 0;
    for (int i = 0; i < w->nlsoa; i++) {
        Lsoa *l = &w->lsoa[i];
        Town *t = &w->town[l->town];
        int fresh = i == 0 || l->town != w->lsoa[i - 1].town;
        if (fresh || in_msoa >= msoa_size) {
            msoa++;
            in_msoa = 0;
            msoa_size = 4 + rng_int(&r, 3);
            t->mdistrict = fresh ? 1 : t->mdistrict + 1;
        }
        if (fresh || in_pcon >= 90) {
            pcon++;
            in_pcon = 0;
        }
        l->msoa = msoa;
        l->msoa_no = t->mdistrict;
        l->letter = (char)('A' + in_msoa);
        l->pcon = pcon;
        in_msoa++;
        in_pcon++;
    }
}

static const World *g_sort_world; /* qsort has no context argument */

static int cmp_score(const void *pa, const void *pb)
{
    const int *a = pa, *b = pb;
    double sa = g_sort_world->lsoa[*a].score, sb = g_sort_world->lsoa[*b].score;
    if (sa != sb)
        return sa > sb ? -1 : 1;
    return *a - *b;
}

static void rank_deciles(World *w, int income)
{
    int *idx = xcalloc((size_t)w->nlsoa, sizeof(int));
    for (int i = 0; i < w->nlsoa; i++)
        idx[i] = i;
    g_sort_world = w;
    qsort(idx, (size_t)w->nlsoa, sizeof(int), cmp_score);
    for (int k = 0; k < w->nlsoa; k++) {
        int dec = 1 + (int)((long)k * 10 / w->nlsoa);
        if (income)
            w->lsoa[idx[k]].income = dec;
        else
            w->lsoa[idx[k]].imd = dec;
    }
    free(idx);
}

/* Deprivation: a town effect, worse near big-town centres, better in the
 * countryside, plus noise; deciles by rank (1 = most deprived). */
static void deprivation(World *w)
{
    Rng r;
    rng_seed(&r, w->cfg.seed, S_LSOA, 2);
    double *base = xcalloc((size_t)w->nlsoa, sizeof(double));
    for (int i = 0; i < w->nlsoa; i++) {
        Lsoa *l = &w->lsoa[i];
        Town *t = &w->town[l->town];
        double d = dist_km(l->lat, l->lon, t->lat, t->lon);
        double core = d < 3 * t->sigma ? exp(-d / t->sigma) : -0.7;
        base[i] = 0.6 * t->effect + core + 0.8 * rng_norm(&r);
        l->score = base[i];
    }
    rank_deciles(w, 0);
    for (int i = 0; i < w->nlsoa; i++)
        w->lsoa[i].score = base[i] + 0.5 * rng_norm(&r);
    rank_deciles(w, 1);
    free(base);
}

/* ------------------------------------------------------------ practices */

static void practice_code(World *w, Rng *r, Org *o, int region, int ynew)
{
    const char *letters = REGIONS[region].letters;
    for (int tries = 0;; tries++) {
        char c = ynew ? 'Y' : letters[rng_int(r, (int)strlen(letters))];
        int num = ynew ? rng_int(r, 10000) : 81000 + rng_int(r, 19000);
        if (tries > 1000) /* the region's letters are full: any will do */
            c = (char)('A' + rng_int(r, 26)), num = rng_int(r, 100000);
        size_t bit = (size_t)(c - 'A') * 100000 + (size_t)num;
        if (w->used[bit])
            continue;
        w->used[bit] = 1;
        snprintf(o->code, sizeof o->code, "%c%05d", c, num);
        return;
    }
}

static void practice_name(Rng *r, Org *o, const Town *t)
{
    const char *s = PICK(r, STREET);
    switch (rng_int(r, 10)) {
    case 0: snprintf(o->name, sizeof o->name, "%s SURGERY", s); break;
    case 1: snprintf(o->name, sizeof o->name, "%s MEDICAL CENTRE", s); break;
    case 2: snprintf(o->name, sizeof o->name, "THE %s PRACTICE", s); break;
    case 3: snprintf(o->name, sizeof o->name, "%s HEALTH CENTRE", t->name); break;
    case 4: snprintf(o->name, sizeof o->name, "DR %s & PARTNERS", PICK(r, SURNAME)); break;
    case 5: snprintf(o->name, sizeof o->name, "%s FAMILY PRACTICE", s); break;
    case 6: snprintf(o->name, sizeof o->name, "%s GROUP PRACTICE", t->name); break;
    case 7: snprintf(o->name, sizeof o->name, "%s HOUSE SURGERY", s); break;
    case 8: snprintf(o->name, sizeof o->name, "%s MEDICAL PRACTICE", s); break;
    default: snprintf(o->name, sizeof o->name, "%s ROAD SURGERY", s); break;
    }
}

static void address(Rng *r, Org *o)
{
    char street[40];
    snprintf(street, sizeof street, "%s %s", PICK(r, STREET), PICK(r, ROADTYPE));
    if (rng_unif(r) < 0.6) {
        snprintf(o->addr1, sizeof o->addr1, "%d %s", 1 + rng_int(r, 240), street);
        o->addr2[0] = 0;
        if (rng_unif(r) < 0.25)
            snprintf(o->addr2, sizeof o->addr2, "%s END", PICK(r, STREET));
    } else {
        snprintf(o->addr1, sizeof o->addr1, "%s", PICK(r, BUILDING));
        snprintf(o->addr2, sizeof o->addr2, "%s", street);
    }
}

static long ymd(int y, int m, int d)
{
    return (long)y * 10000 + m * 100 + d;
}

/* A live postcode with a grid reference in the LSOA, or -1. */
static int live_postcode(const World *w, Rng *r, int li)
{
    const Lsoa *l = &w->lsoa[li];
    int start = rng_int(r, l->npc);
    for (int k = 0; k < l->npc; k++) {
        int i = (start + k) % l->npc;
        Postcode pc = postcode_at(w, li, i);
        if (!pc.term && !pc.nogrid)
            return i;
    }
    return -1;
}

static void locate(World *w, Rng *r, Org *o)
{
    do {
        o->lsoa = rng_int(r, w->nlsoa);
        o->pc = live_postcode(w, r, o->lsoa);
    } while (o->pc < 0);
    Postcode pc = postcode_at(w, o->lsoa, o->pc);
    o->lat = pc.lat;
    o->lon = pc.lon;
    o->town = w->lsoa[o->lsoa].town;
}

/* List sizes: log-normal, median 8,000, clipped to 1,000..60,000. */
static int list_size(Rng *r)
{
    double v = 8000.0 * exp(0.62 * rng_norm(r));
    if (v < 1000)
        v = 1000 + rng_int(r, 300);
    if (v > 60000)
        v = 60000 - rng_int(r, 2000);
    return (int)v;
}

static void make_org(World *w, int i, int kind)
{
    Rng r;
    Org *o = &w->org[i];
    rng_seed(&r, w->cfg.seed, S_ORG, (uint64_t)i);
    o->kind = kind;
    locate(w, &r, o);
    address(&r, o);
    const Town *t = &w->town[o->town];
    snprintf(o->phone, sizeof o->phone, "%s %0*d", t->std,
             t->std[1] == '2' ? 8 : 6, rng_int(&r, t->std[1] == '2' ? 99999999 : 999999));
    o->list = list_size(&r);
    o->growth = 0.012 + 0.025 * rng_norm(&r);
    o->open_date = rng_unif(&r) < 0.6 ? 19740401
                                       : ymd(1975 + rng_int(&r, 46), 1 + rng_int(&r, 12), 1);
    o->open_ym = 0;
    o->close_ym = 1 << 30;
    o->role = "RO76";
    if (kind == K_ACTIVE) {
        if (rng_unif(&r) < 0.01)
            o->role = "RO76|RO268";
        /* a few practices opened within the months generated */
        if (w->cfg.months >= 6 && rng_unif(&r) < 0.015) {
            o->open_ym = cur_ym() - 1 - rng_int(&r, w->cfg.months - 2);
            o->open_date = ymd(o->open_ym / 12, o->open_ym % 12 + 1, 1);
        }
    } else if (kind == K_INACTIVE) {
        int y = 2016 + rng_int(&r, 11), m = 1 + rng_int(&r, 12);
        if (y * 12 + m - 1 >= cur_ym())
            y--;
        o->close_ym = y * 12 + m - 1;
        o->close_date = ymd(y, m, m == 2 ? 28 : 30);
        if (o->open_date / 10000 >= y)
            o->open_date = 19740401;
    } else {
        static const char *const roles[] = {"RO72", "RO80", "RO72", "RO80|RO87",
                                            "RO87", "RO247"};
        o->role = PICK(&r, roles);
        snprintf(o->name, sizeof o->name, "%s %s", t->name, PICK(&r, SERVICE));
        snprintf(o->parent, sizeof o->parent, "R%c%c", 'A' + rng_int(&r, 26),
                 'A' + rng_int(&r, 26));
    }
    if (kind != K_OTHER)
        practice_name(&r, o, t);
}

static void make_orgs(World *w)
{
    int np = w->cfg.practices;
    int ninactive = np * 4 / 100, nother = np * 2 / 100;
    w->nactive = np;
    w->norg = np + ninactive + nother;
    w->org = xcalloc((size_t)w->norg, sizeof(Org));
    for (int i = 0; i < w->norg; i++)
        make_org(w, i, i < np ? K_ACTIVE : i < np + ninactive ? K_INACTIVE : K_OTHER);
}

/* -------------------------------------------------- sub-ICBs, ICBs, PCNs */

typedef struct {
    double x, y, wt;
} KPt;

static double kdist(const KPt *a, double x, double y)
{
    return (a->x - x) * (a->x - x) + (a->y - y) * (a->y - y);
}

/* Weighted k-means with k-means++ seeding; returns the clusters kept
 * (empty ones are dropped and the rest renumbered). */
static int kmeans(const KPt *p, int n, int k, int *assign, double *cx, double *cy,
                  Rng *r)
{
    double *d2 = xcalloc((size_t)n, sizeof(double));
    int first = rng_int(r, n);
    cx[0] = p[first].x;
    cy[0] = p[first].y;
    for (int c = 1; c < k; c++) {
        double tot = 0;
        for (int i = 0; i < n; i++) {
            double best = 1e300;
            for (int j = 0; j < c; j++) {
                double d = kdist(&p[i], cx[j], cy[j]);
                best = d < best ? d : best;
            }
            d2[i] = best * p[i].wt;
            tot += d2[i];
        }
        double u = rng_unif(r) * tot;
        int pickd = n - 1;
        for (int i = 0; i < n; i++) {
            u -= d2[i];
            if (u <= 0) {
                pickd = i;
                break;
            }
        }
        cx[c] = p[pickd].x;
        cy[c] = p[pickd].y;
    }
    double *sx = xcalloc((size_t)k, sizeof(double)), *sy = xcalloc((size_t)k, sizeof(double));
    double *sw = xcalloc((size_t)k, sizeof(double));
    for (int it = 0; it < 10; it++) {
        memset(sx, 0, (size_t)k * sizeof(double));
        memset(sy, 0, (size_t)k * sizeof(double));
        memset(sw, 0, (size_t)k * sizeof(double));
        for (int i = 0; i < n; i++) {
            int best = 0;
            double bd = 1e300;
            for (int j = 0; j < k; j++) {
                double d = kdist(&p[i], cx[j], cy[j]);
                if (d < bd) {
                    bd = d;
                    best = j;
                }
            }
            assign[i] = best;
            sx[best] += p[i].x * p[i].wt;
            sy[best] += p[i].y * p[i].wt;
            sw[best] += p[i].wt;
        }
        for (int j = 0; j < k; j++)
            if (sw[j] > 0) {
                cx[j] = sx[j] / sw[j];
                cy[j] = sy[j] / sw[j];
            }
    }
    int *renum = xcalloc((size_t)k, sizeof(int)), kept = 0;
    for (int j = 0; j < k; j++) {
        renum[j] = sw[j] > 0 ? kept : -1;
        if (sw[j] > 0) {
            cx[kept] = cx[j];
            cy[kept] = cy[j];
            kept++;
        }
    }
    for (int i = 0; i < n; i++)
        assign[i] = renum[assign[i]];
    free(d2), free(sx), free(sy), free(sw), free(renum);
    return kept;
}

#define KX_SCALE 0.61 /* cos(52.5 degrees): makes degrees roughly square */

static void sub_icb_code(Rng *r, Unit *u, int i, int *used)
{
    for (;;) {
        if (rng_unif(r) < 0.2) /* the newer five-character form, B2M3M */
            snprintf(u->code, sizeof u->code, "%c%d%c%d%c", 'A' + rng_int(r, 26),
                     rng_int(r, 10), 'A' + rng_int(r, 26), rng_int(r, 10),
                     'A' + rng_int(r, 26));
        else {
            int v = rng_int(r, 2600);
            if (used[v])
                continue;
            used[v] = 1;
            snprintf(u->code, sizeof u->code, "%02d%c", v / 26, 'A' + v % 26);
        }
        break;
    }
    snprintf(u->ons, sizeof u->ons, "E38%06d", 8 + i * 3);
}

static int town_count_top(const World *w, const int *count, int skip)
{
    int best = -1;
    for (int t = 0; t < w->ntown; t++)
        if (t != skip && count[t] > 0 && (best < 0 || count[t] > count[best]))
            best = t;
    return best;
}

/* ICBs are named after their two largest towns; a repeat gains a number. */
static void name_icbs(World *w)
{
    int *count = xcalloc((size_t)w->ntown, sizeof(int));
    for (int c = 0; c < w->nicb; c++) {
        memset(count, 0, (size_t)w->ntown * sizeof(int));
        for (int i = 0; i < w->nactive; i++)
            if (w->sub[w->org[i].sub].parent == c)
                count[w->org[i].town]++;
        int a = town_count_top(w, count, -1), b = town_count_top(w, count, a);
        char base[64];
        if (b >= 0 && count[b] * 4 >= count[a])
            snprintf(base, sizeof base, "%s and %s", w->town[a].title, w->town[b].title);
        else
            snprintf(base, sizeof base, "%s", a >= 0 ? w->town[a].title : "Rural");
        int seen = 0;
        for (int j = 0; j < c; j++)
            seen += strncmp(w->icb[j].name + 4, base, strlen(base)) == 0;
        Unit *u = &w->icb[c];
        if (seen)
            snprintf(u->name, sizeof u->name, "NHS %s %d Integrated Care Board", base, seen + 1);
        else
            snprintf(u->name, sizeof u->name, "NHS %s Integrated Care Board", base);
        snprintf(u->code, sizeof u->code, "Q%c%c", 'A' + c / 26 % 26, 'A' + c % 26);
        snprintf(u->ons, sizeof u->ons, "E54%06d", 8 + c);
    }
    free(count);
}

static void make_icbs(World *w, Rng *r)
{
    int k = w->nactive / 155;
    k = k < 3 ? 3 : k > 42 ? 42 : k;
    if (k > w->nsub)
        k = w->nsub;
    KPt *p = xcalloc((size_t)w->nsub, sizeof(KPt));
    int *assign = xcalloc((size_t)w->nsub, sizeof(int));
    double *cx = xcalloc((size_t)k, sizeof(double)), *cy = xcalloc((size_t)k, sizeof(double));
    for (int s = 0; s < w->nsub; s++)
        p[s] = (KPt){w->sub[s].lon * KX_SCALE, w->sub[s].lat, w->sub[s].n};
    w->nicb = kmeans(p, w->nsub, k, assign, cx, cy, r);
    w->icb = xcalloc((size_t)w->nicb, sizeof(Unit));
    w->icb_region = xcalloc((size_t)w->nicb, sizeof(int));
    for (int c = 0; c < w->nicb; c++) {
        w->icb[c].lat = cy[c];
        w->icb[c].lon = cx[c] / KX_SCALE;
        w->icb_region[c] = region_of(cy[c], cx[c] / KX_SCALE);
    }
    for (int s = 0; s < w->nsub; s++)
        w->sub[s].parent = assign[s];
    name_icbs(w);
    free(p), free(assign), free(cx), free(cy);
}

static void make_subs(World *w)
{
    Rng r;
    rng_seed(&r, w->cfg.seed, S_GEO, 0);
    int n = w->nactive + (w->norg - w->nactive);
    int k = w->nactive / 61;
    k = k < 4 ? 4 : k > 106 ? 106 : k;
    KPt *p = xcalloc((size_t)n, sizeof(KPt));
    int *assign = xcalloc((size_t)n, sizeof(int));
    double *cx = xcalloc((size_t)k, sizeof(double)), *cy = xcalloc((size_t)k, sizeof(double));
    for (int i = 0; i < n; i++)
        p[i] = (KPt){w->org[i].lon * KX_SCALE, w->org[i].lat, 1.0};
    w->nsub = kmeans(p, n, k, assign, cx, cy, &r);
    w->sub = xcalloc((size_t)w->nsub, sizeof(Unit));
    int *used = xcalloc(2600, sizeof(int));
    for (int s = 0; s < w->nsub; s++) {
        w->sub[s].lat = cy[s];
        w->sub[s].lon = cx[s] / KX_SCALE;
        sub_icb_code(&r, &w->sub[s], s, used);
    }
    for (int i = 0; i < n; i++) {
        w->org[i].sub = assign[i];
        w->sub[assign[i]].n += i < w->nactive;
    }
    make_icbs(w, &r);
    for (int s = 0; s < w->nsub; s++) {
        const char *icb = w->icb[w->sub[s].parent].name + 4;
        int len = (int)(strstr(icb, " Integrated") - icb);
        snprintf(w->sub[s].name, sizeof w->sub[s].name, "NHS %.*s ICB - %s", len, icb,
                 w->sub[s].code);
    }
    free(p), free(assign), free(cx), free(cy), free(used);
}

static int org_region(const World *w, const Org *o)
{
    return w->icb_region[w->sub[o->sub].parent];
}

static int cmp_key(const void *pa, const void *pb)
{
    const uint64_t *a = pa, *b = pb; /* (sub << 40 | morton >> 24) , index */
    if (a[0] != b[0])
        return a[0] < b[0] ? -1 : 1;
    return a[1] < b[1] ? -1 : a[1] > b[1];
}

static void pcn_name(const World *w, Rng *r, Unit *u, int first, int last,
                     const uint64_t *keys)
{
    const Org *a = &w->org[keys[2 * first + 1]], *b = &w->org[keys[2 * last + 1]];
    if (a->town != b->town && rng_unif(r) < 0.5)
        snprintf(u->name, sizeof u->name, "%s & %s PCN", w->town[a->town].name,
                 w->town[b->town].name);
    else
        snprintf(u->name, sizeof u->name, "%s %s PCN", w->town[a->town].name,
                 PICK(r, PCNSUF));
}

/* PCNs: neighbouring practices of one sub-ICB, three to eight at a time. */
static void make_pcns(World *w)
{
    Rng r;
    rng_seed(&r, w->cfg.seed, S_GEO, 1);
    uint64_t *keys = xcalloc((size_t)w->nactive * 2, sizeof(uint64_t));
    for (int i = 0; i < w->nactive; i++) {
        keys[2 * i] = (uint64_t)w->org[i].sub << 40 | morton(w->org[i].lat, w->org[i].lon) >> 24;
        keys[2 * i + 1] = (uint64_t)i;
    }
    qsort(keys, (size_t)w->nactive, 2 * sizeof(uint64_t), cmp_key);
    w->pcn = xcalloc((size_t)w->nactive, sizeof(Unit));
    unsigned char *used = xcalloc(100000, 1);
    for (int i = 0; i < w->nactive;) {
        int sub = w->org[keys[2 * i + 1]].sub, size = 3 + rng_int(&r, 6), j = i;
        while (j < w->nactive && j - i < size && w->org[keys[2 * j + 1]].sub == sub)
            j++;
        /* fold a short tail of the sub-ICB into this PCN */
        int k = j;
        while (k < w->nactive && k - j < 3 && w->org[keys[2 * k + 1]].sub == sub)
            k++;
        if (k - j < 3 && (k == w->nactive || w->org[keys[2 * k + 1]].sub != sub))
            j = k;
        Unit *u = &w->pcn[w->npcn];
        int num;
        do
            num = rng_int(&r, 100000);
        while (used[num]);
        used[num] = 1;
        snprintf(u->code, sizeof u->code, "U%05d", num);
        pcn_name(w, &r, u, i, j - 1, keys);
        u->parent = sub;
        u->n = (int)keys[2 * i + 1]; /* lead practice, for the PCN's address */
        for (int m = i; m < j; m++)
            w->org[keys[2 * m + 1]].pcn = w->npcn;
        w->npcn++;
        i = j;
    }
    free(keys);
    free(used);
}

static void make_codes(World *w)
{
    w->used = xcalloc(26 * 100000, 1);
    for (int i = 0; i < w->norg; i++) {
        Rng r;
        Org *o = &w->org[i];
        rng_seed(&r, w->cfg.seed, S_ORG, (uint64_t)i + (1ULL << 32));
        int ynew = o->kind == K_OTHER || (o->open_date >= 20100101 && rng_unif(&r) < 0.5);
        practice_code(w, &r, o, org_region(w, o), ynew);
    }
}

static const World *g_code_world;
static int cmp_org_code(const void *pa, const void *pb)
{
    const int *a = pa, *b = pb;
    return strcmp(g_code_world->org[*a].code, g_code_world->org[*b].code);
}

static void sort_codes(World *w)
{
    w->by_code = xcalloc((size_t)w->norg, sizeof(int));
    for (int i = 0; i < w->norg; i++)
        w->by_code[i] = i;
    g_code_world = w;
    qsort(w->by_code, (size_t)w->norg, sizeof(int), cmp_org_code);
    w->by_sub = xcalloc((size_t)w->norg, sizeof(int));
    int n = 0;
    for (int s = 0; s < w->nsub; s++)
        for (int k = 0; k < w->norg; k++)
            if (w->org[w->by_code[k]].sub == s)
                w->by_sub[n++] = w->by_code[k];
}

/* -------------------------------------------------------------- output */

typedef struct {
    FILE *f;
    char path[4096];
    const char *name;
    long rows;
    char *buf;
} Out;

static void out_open(Out *o, const World *w, const char *name)
{
    snprintf(o->path, sizeof o->path, "%s/%s", w->cfg.out, name);
    o->name = name;
    o->rows = 0;
    o->f = fopen(o->path, "wb");
    if (!o->f) {
        fprintf(stderr, "gen: %s: %s\n", o->path, strerror(errno));
        exit(1);
    }
    o->buf = xcalloc(1, 1 << 20);
    setvbuf(o->f, o->buf, _IOFBF, 1 << 20);
}

static void out_close(Out *o)
{
    long bytes = ftell(o->f);
    if (ferror(o->f) || fclose(o->f) != 0) {
        fprintf(stderr, "gen: %s: write failed\n", o->path);
        exit(1);
    }
    free(o->buf);
    fprintf(stderr, "%-40s %9ld rows %12ld bytes\n", o->name, o->rows, bytes);
}

static void ym_iso(int ym, char *buf, size_t cap)
{
    snprintf(buf, cap, "%04d-%02d-01", ym / 12, ym % 12 + 1);
}

static void ym_nhs(int ym, char *buf, size_t cap)
{
    static const char *const mon[] = {"JAN", "FEB", "MAR", "APR", "MAY", "JUN",
                                      "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"};
    snprintf(buf, cap, "01%s%04d", mon[ym % 12], ym / 12);
}

static void org_postcode(const World *w, const Org *o, char *buf, size_t cap)
{
    postcode_text(w, o->lsoa, o->pc, buf, cap);
}

static void date_text(long d, char *buf, size_t cap)
{
    if (d > 0)
        snprintf(buf, cap, "%ld", d);
    else
        buf[0] = 0;
}

static void epraccur_row(Out *out, const World *w, const Org *o)
{
    char pc[16], open[24], close[24], join[24];
    const Town *t = &w->town[o->town];
    const Unit *sub = &w->sub[o->sub];
    org_postcode(w, o, pc, sizeof pc);
    date_text(o->open_date, open, sizeof open);
    date_text(o->close_date, close, sizeof close);
    date_text(o->open_date > 20220701 ? o->open_date : 20220701, join, sizeof join);
    const char *county = (o->lsoa & 1) ? w->county[t->county] : "";
    fprintf(out->f,
            "\"%s\",\"%s\",\"%s\",\"%s\",\"%s\",\"%s\",\"\",\"%s\",\"%s\",\"%s\","
            "\"%s\",\"%s\",\"%s\",\"B\",\"%s\",\"%s\",\"%s\",\"%s\",\"\",\"\",\"\","
            "\"1\",\"\",\"%s\",\"\",\"%s\",\"\"" EOL,
            o->code, o->name, REGIONS[org_region(w, o)].code, w->icb[sub->parent].code,
            o->addr1, o->addr2, t->name, county, pc, open, close,
            o->kind == K_INACTIVE ? "INACTIVE" : "ACTIVE", sub->code, join, close,
            o->phone, o->kind == K_OTHER ? o->parent : sub->code, o->role);
    out->rows++;
}

/* PCN rows (RO321) for one PCN in four, as the register mixes them in. */
static void epraccur_pcn(Out *out, const World *w, const Unit *u)
{
    const Org *lead = &w->org[u->n];
    const Unit *sub = &w->sub[u->parent];
    char pc[16];
    org_postcode(w, lead, pc, sizeof pc);
    fprintf(out->f,
            "\"%s\",\"%s\",\"%s\",\"%s\",\"%s\",\"%s\",\"\",\"%s\",\"\",\"%s\","
            "\"20200701\",\"\",\"ACTIVE\",\"B\",\"%s\",\"20220701\",\"\",\"%s\",\"\",\"\",\"\","
            "\"1\",\"\",\"%s\",\"\",\"RO321\",\"\"" EOL,
            u->code, u->name, REGIONS[org_region(w, lead)].code, w->icb[sub->parent].code,
            lead->addr1, lead->addr2, w->town[lead->town].name, pc, sub->code, lead->phone,
            sub->code);
    out->rows++;
}

static int cmp_pcn_code(const void *pa, const void *pb)
{
    const int *a = pa, *b = pb;
    return strcmp(g_code_world->pcn[*a].code, g_code_world->pcn[*b].code);
}

static void write_epraccur(const World *w)
{
    Out out;
    out_open(&out, w, "epraccur.csv");
    /* merge register rows and PCN rows in code order */
    int nrows = (w->npcn + 3) / 4;
    int *pcns = xcalloc((size_t)nrows, sizeof(int));
    for (int i = 0; i < nrows; i++)
        pcns[i] = i * 4;
    g_code_world = w;
    qsort(pcns, (size_t)nrows, sizeof(int), cmp_pcn_code);
    int j = 0;
    for (int k = 0; k < w->norg; k++) {
        const Org *o = &w->org[w->by_code[k]];
        for (; j < nrows && strcmp(w->pcn[pcns[j]].code, o->code) < 0; j++)
            epraccur_pcn(&out, w, &w->pcn[pcns[j]]);
        epraccur_row(&out, w, o);
    }
    for (; j < nrows; j++)
        epraccur_pcn(&out, w, &w->pcn[pcns[j]]);
    free(pcns);
    out_close(&out);
}

/* ----------------------------------------------------------- list sizes */

/* A practice's list in month ym, or 0 when it was not open. The latest
 * month is exactly o->list; earlier ones follow its trend with noise. */
static int list_in_month(const World *w, const Org *o, int idx, int ym)
{
    if (ym < o->open_ym || ym >= o->close_ym || o->kind == K_OTHER)
        return 0;
    int back = cur_ym() - ym;
    if (back == 0)
        return o->list;
    Rng r;
    rng_seed(&r, w->cfg.seed, S_LIST, ((uint64_t)idx << 16) | (uint64_t)back);
    double v = o->list * exp(-o->growth * back / 12.0) * (1.0 + 0.003 * rng_norm(&r));
    if (o->open_ym > 0) { /* a new practice grows in its first months */
        double age = ym - o->open_ym + 1, full = cur_ym() - o->open_ym + 1;
        v *= 0.4 + 0.6 * age / full;
    }
    return v < 50 ? 50 : (int)(v + 0.5);
}

static void write_month(const World *w, int ym, int ccg_era)
{
    char name[64], date[32], pc[16];
    snprintf(name, sizeof name, "gp-reg-pat-prac-all-%04d-%02d.csv", ym / 12, ym % 12 + 1);
    Out out;
    out_open(&out, w, name);
    if (ccg_era) {
        ym_nhs(ym, date, sizeof date);
        fputs("PUBLICATION,EXTRACT_DATE,TYPE,CCG_CODE,ONS_CCG_CODE,CODE,POSTCODE,"
              "SEX,AGE,NUMBER_OF_PATIENTS" EOL, out.f);
    } else {
        ym_iso(ym, date, sizeof date);
        fputs("PUBLICATION,EXTRACT_DATE,TYPE,SUB_ICB_LOCATION_CODE,"
              "ONS_SUB_ICB_LOCATION_CODE,CODE,POSTCODE,SEX,AGE,NUMBER_OF_PATIENTS" EOL,
              out.f);
    }
    for (int k = 0; k < w->norg; k++) {
        int i = w->by_sub[k], n;
        const Org *o = &w->org[i];
        const Unit *s = &w->sub[o->sub];
        if ((n = list_in_month(w, o, i, ym)) == 0)
            continue;
        org_postcode(w, o, pc, sizeof pc);
        fprintf(out.f, "GP_PRAC_PAT_LIST,%s,GP,%s,%s,%s,%s,ALL,ALL,%d" EOL, date, s->code,
                s->ons, o->code, pc, n);
        out.rows++;
    }
    out_close(&out);
}

static void write_months(const World *w)
{
    int m = w->cfg.months;
    for (int k = 0; k < m; k++)
        write_month(w, cur_ym() - (m - 1 - k), k < m / 3);
}

/* --------------------------------------------------------- apportioning */

typedef struct {
    double frac;
    int i;
} Rem;

static int cmp_rem(const void *pa, const void *pb)
{
    const Rem *a = pa, *b = pb;
    if (a->frac != b->frac)
        return a->frac > b->frac ? -1 : 1;
    return a->i - b->i;
}

/* Splits total into whole counts in proportion to wt (largest remainder);
 * the counts always sum to total. */
static void apportion(const double *wt, int n, long total, long *out)
{
    double sum = 0;
    for (int i = 0; i < n; i++)
        sum += wt[i];
    Rem *rem = xcalloc((size_t)n, sizeof(Rem));
    long given = 0;
    for (int i = 0; i < n; i++) {
        double exact = sum > 0 ? total * wt[i] / sum : (double)total / n;
        out[i] = (long)exact;
        given += out[i];
        rem[i].frac = exact - (double)out[i];
        rem[i].i = i;
    }
    qsort(rem, (size_t)n, sizeof(Rem), cmp_rem);
    for (long k = 0; given < total; k++, given++)
        out[rem[k % n].i]++;
    free(rem);
}

/* -------------------------------------------------------------- quin-age */

static const char *const AGE_BAND[NAGE] = {
    "0_4", "5_9", "10_14", "15_19", "20_24", "25_29", "30_34", "35_39", "40_44",
    "45_49", "50_54", "55_59", "60_64", "65_69", "70_74", "75_79", "80_84",
    "85_89", "90_94", "95+"};
/* registered population share by band, per thousand */
static const double AGE_SHARE[NAGE] = {53, 59, 61, 58, 60, 69, 73, 71, 66, 63,
                                       67, 66, 58, 49, 46, 37, 23, 13, 5.5, 1.7};

typedef long Counts[2][NAGE]; /* [0] female, [1] male */

static void practice_ages(const World *w, int i, Counts c)
{
    Rng r;
    rng_seed(&r, w->cfg.seed, S_AGE, (uint64_t)i);
    const Org *o = &w->org[i];
    double tilt = 0.35 * rng_norm(&r), wt[NAGE];
    long sexes[2];
    double fshare = 0.505 + 0.01 * rng_norm(&r);
    double sw[2] = {fshare, 1 - fshare};
    apportion(sw, 2, o->list, sexes);
    for (int s = 0; s < 2; s++) {
        for (int a = 0; a < NAGE; a++) {
            double older = (a - 8) / 10.0; /* about -1 .. +1 across the bands */
            wt[a] = AGE_SHARE[a] * exp(tilt * older) *
                    (a >= 15 ? (s == 0 ? 1.2 : 0.8) : 1.0);
        }
        apportion(wt, NAGE, sexes[s], c[s]);
    }
}

static void quin_rows(Out *out, const char *date, const char *type, const char *code,
                      const char *ons, const char *pc, Counts c)
{
    static const char *const sex[3] = {"ALL", "FEMALE", "MALE"};
    for (int s = 0; s < 3; s++) {
        long all = 0;
        for (int a = 0; a < NAGE; a++) {
            long v = s == 0 ? c[0][a] + c[1][a] : c[s - 1][a];
            all += v;
            fprintf(out->f, "GP_PRAC_PAT_LIST,%s,%s,%s,%s,%s,%s,%s,%ld" EOL, date, type,
                    code, ons, pc, sex[s], AGE_BAND[a], v);
        }
        fprintf(out->f, "GP_PRAC_PAT_LIST,%s,%s,%s,%s,%s,%s,ALL,%ld" EOL, date, type, code,
                ons, pc, sex[s], all);
        out->rows += NAGE + 1;
    }
}

static void add_counts(Counts dst, Counts src)
{
    for (int s = 0; s < 2; s++)
        for (int a = 0; a < NAGE; a++)
            dst[s][a] += src[s][a];
}

static void write_quin(const World *w)
{
    char date[32], pc[16];
    ym_iso(cur_ym(), date, sizeof date);
    Counts *gp = xcalloc((size_t)w->nactive, sizeof(Counts));
    Counts *pcn = xcalloc((size_t)w->npcn, sizeof(Counts));
    Counts *sub = xcalloc((size_t)w->nsub, sizeof(Counts));
    Counts *icb = xcalloc((size_t)w->nicb, sizeof(Counts));
    Counts reg[7];
    memset(reg, 0, sizeof reg);
    for (int i = 0; i < w->nactive; i++) {
        const Org *o = &w->org[i];
        practice_ages(w, i, gp[i]);
        add_counts(pcn[o->pcn], gp[i]);
        add_counts(sub[o->sub], gp[i]);
        add_counts(icb[w->sub[o->sub].parent], gp[i]);
        add_counts(reg[org_region(w, o)], gp[i]);
    }
    Out out;
    out_open(&out, w, "gp-reg-pat-prac-quin-age.csv");
    fputs("PUBLICATION,EXTRACT_DATE,ORG_TYPE,ORG_CODE,ONS_CODE,POSTCODE,SEX,"
          "AGE_GROUP_5,NUMBER_OF_PATIENTS" EOL, out.f);
    for (int g = 0; g < 7; g++)
        quin_rows(&out, date, "Comm Region", REGIONS[g].code, REGIONS[g].ons, "NA", reg[g]);
    for (int c = 0; c < w->nicb; c++)
        quin_rows(&out, date, "ICB", w->icb[c].code, w->icb[c].ons, "NA", icb[c]);
    for (int s = 0; s < w->nsub; s++)
        quin_rows(&out, date, "SUB_ICB_LOCATION", w->sub[s].code, w->sub[s].ons, "NA",
                  sub[s]);
    for (int p = 0; p < w->npcn; p++)
        quin_rows(&out, date, "PCN", w->pcn[p].code, "NA", "NA", pcn[p]);
    for (int k = 0; k < w->norg; k++) {
        int i = w->by_code[k];
        if (w->org[i].kind != K_ACTIVE)
            continue;
        org_postcode(w, &w->org[i], pc, sizeof pc);
        quin_rows(&out, date, "GP", w->org[i].code, "NA", pc, gp[i]);
    }
    out_close(&out);
    free(gp), free(pcn), free(sub), free(icb);
}

/* ------------------------------------------------ practice-by-LSOA rows */

#define G_LAT0 49.9
#define G_LON0 (-5.8)
#define G_DLAT 0.025
#define G_DLON 0.04
#define G_CELL_KM 2.49 /* the narrower side of a cell at 55.8N */

typedef struct {
    int nlat, nlon;
    int *start, *item;
} Grid;

static int cell_of(const Grid *g, double lat, double lon, int *ci, int *cj)
{
    int i = (int)((lat - G_LAT0) / G_DLAT), j = (int)((lon - G_LON0) / G_DLON);
    *ci = i < 0 ? 0 : i >= g->nlat ? g->nlat - 1 : i;
    *cj = j < 0 ? 0 : j >= g->nlon ? g->nlon - 1 : j;
    return *ci * g->nlon + *cj;
}

static void grid_build(Grid *g, const World *w)
{
    g->nlat = (int)(6.2 / G_DLAT) + 1;
    g->nlon = (int)(7.8 / G_DLON) + 1;
    int ncell = g->nlat * g->nlon, ci, cj;
    g->start = xcalloc((size_t)ncell + 1, sizeof(int));
    g->item = xcalloc((size_t)w->nlsoa, sizeof(int));
    for (int k = 0; k < w->nlsoa; k++)
        g->start[cell_of(g, w->lsoa[k].lat, w->lsoa[k].lon, &ci, &cj) + 1]++;
    for (int c = 0; c < ncell; c++)
        g->start[c + 1] += g->start[c];
    int *fill = xcalloc((size_t)ncell, sizeof(int));
    for (int k = 0; k < w->nlsoa; k++) {
        int c = cell_of(g, w->lsoa[k].lat, w->lsoa[k].lon, &ci, &cj);
        g->item[g->start[c] + fill[c]++] = k;
    }
    free(fill);
}

typedef struct {
    double d;
    int i;
} Cand;

static int cmp_cand(const void *pa, const void *pb)
{
    const Cand *a = pa, *b = pb;
    if (a->d != b->d)
        return a->d < b->d ? -1 : 1;
    return a->i - b->i;
}

typedef struct {
    Cand *c;
    int n, cap;
} CandBuf;

static void ring_add(const Grid *g, const World *w, CandBuf *b, int ci, int cj, int r,
                     double lat, double lon, double coslat)
{
    for (int i = ci - r; i <= ci + r; i++) {
        if (i < 0 || i >= g->nlat)
            continue;
        for (int j = cj - r; j <= cj + r; j++) {
            if (j < 0 || j >= g->nlon || (abs(i - ci) != r && abs(j - cj) != r))
                continue;
            int c = i * g->nlon + j;
            for (int k = g->start[c]; k < g->start[c + 1]; k++) {
                const Lsoa *l = &w->lsoa[g->item[k]];
                double dy = (l->lat - lat) * RAD * EARTH_KM;
                double dx = (l->lon - lon) * RAD * EARTH_KM * coslat;
                if (b->n == b->cap) {
                    b->cap = b->cap ? 2 * b->cap : 1024;
                    b->c = realloc(b->c, (size_t)b->cap * sizeof(Cand));
                    if (!b->c)
                        exit(1);
                }
                b->c[b->n++] = (Cand){sqrt(dx * dx + dy * dy), g->item[k]};
            }
        }
    }
}

/* The k nearest LSOAs to (lat, lon), nearest first, in b->c[0..k). */
static int knn(const Grid *g, const World *w, CandBuf *b, double lat, double lon, int k)
{
    int ci, cj, maxr = g->nlat > g->nlon ? g->nlat : g->nlon;
    double coslat = cos(lat * RAD), dk = -1;
    cell_of(g, lat, lon, &ci, &cj);
    if (k > w->nlsoa)
        k = w->nlsoa;
    b->n = 0;
    for (int r = 0; r <= maxr; r++) {
        ring_add(g, w, b, ci, cj, r, lat, lon, coslat);
        if (b->n >= k && dk < 0) {
            qsort(b->c, (size_t)b->n, sizeof(Cand), cmp_cand);
            dk = b->c[k - 1].d;
        }
        if (dk >= 0 && r * G_CELL_KM >= dk)
            break;
    }
    qsort(b->c, (size_t)b->n, sizeof(Cand), cmp_cand);
    return k;
}

static int cmp_lsoa_code(const void *pa, const void *pb)
{
    const Cand *a = pa, *b = pb;
    return a->i - b->i;
}

/* Extra rows real files carry: placeholders and, near the border, Wales. */
static int odd_rows(const Org *o, Rng *r, char codes[4][24], long *n)
{
    int k = 0;
    if (rng_unif(r) < 0.3) {
        snprintf(codes[k], 24, "NO2011");
        n[k++] = 1 + rng_int(r, 15);
    }
    if (o->lon < -2.5 && o->lat > 51.5 && o->lat < 53.5) {
        int m = 1 + rng_int(r, 3);
        for (int j = 0; j < m; j++) {
            snprintf(codes[k], 24, "W01%06d", 1 + j * 600 + rng_int(r, 600));
            n[k++] = 1 + rng_int(r, 30);
        }
    }
    return k;
}

static void lsoa_rows_for(Out *out, const World *w, const Grid *g, CandBuf *b, int i,
                          int k, const char *date)
{
    Rng r;
    const Org *o = &w->org[i];
    rng_seed(&r, w->cfg.seed, S_LSOAROW, (uint64_t)i);
    char odd[4][24];
    long oddn[4], rest = o->list;
    int nodd = odd_rows(o, &r, odd, oddn);
    for (int j = 0; j < nodd; j++)
        rest -= oddn[j];
    int n = knn(g, w, b, o->lat, o->lon, k);
    double lambda = b->c[n / 6].d > 0.3 ? b->c[n / 6].d : 0.3;
    double *wt = xcalloc((size_t)n, sizeof(double));
    long *cnt = xcalloc((size_t)n, sizeof(long));
    /* gravity: a heavy power-law tail, with LSOA-level noise */
    for (int j = 0; j < n; j++) {
        double q = b->c[j].d / lambda;
        wt[j] = exp(0.5 * rng_norm(&r)) / pow(1.0 + q * q, 1.5);
    }
    apportion(wt, n, rest, cnt);
    for (int j = 0; j < n; j++)
        b->c[j].d = (double)cnt[j];
    qsort(b->c, (size_t)n, sizeof(Cand), cmp_lsoa_code);
    for (int j = 0; j < n; j++)
        if (b->c[j].d > 0) {
            fprintf(out->f, "GP_PRAC_PAT_LIST,%s,%s,%s,E01%06d,ALL,%ld" EOL, date, o->code,
                    o->name, b->c[j].i + 1, (long)b->c[j].d);
            out->rows++;
        }
    for (int j = 0; j < nodd; j++) {
        fprintf(out->f, "GP_PRAC_PAT_LIST,%s,%s,%s,%s,ALL,%ld" EOL, date, o->code, o->name,
                odd[j], oddn[j]);
        out->rows++;
    }
    free(wt);
    free(cnt);
}

static void write_lsoa_all(const World *w)
{
    Grid g;
    CandBuf b = {0};
    char date[32];
    grid_build(&g, w);
    ym_iso(cur_ym(), date, sizeof date);
    double root = 0;
    for (int i = 0; i < w->nactive; i++)
        root += sqrt(w->org[i].list);
    Out out;
    out_open(&out, w, "gp-reg-pat-prac-lsoa-all.csv");
    fputs("PUBLICATION,EXTRACT_DATE,PRACTICE_CODE,PRACTICE_NAME,LSOA_CODE,SEX,"
          "NUMBER_OF_PATIENTS" EOL, out.f);
    for (int k = 0; k < w->norg; k++) {
        int i = w->by_code[k];
        if (w->org[i].kind != K_ACTIVE)
            continue;
        /* larger lists reach more LSOAs */
        int want = (int)(w->cfg.lsoa_rows * sqrt(w->org[i].list) / root + 0.5);
        lsoa_rows_for(&out, w, &g, &b, i, want < 5 ? 5 : want, date);
    }
    out_close(&out);
    free(b.c), free(g.start), free(g.item);
}

/* --------------------------------------------------------- appointments */

/* Appointments in General Practice, practice level, for one month: about
 * 185 rows per practice (1.2 million for 6,500 practices, the size of one
 * region's published file), spread over staff type, mode, category, lead
 * time and status as the published file is. */
static void write_appointments(const World *w)
{
    static const char *const hcp[] = {"GP", "Other Practice staff", "Unknown"};
    static const char *const mode[] = {"Face-to-Face", "Telephone", "Video Conference/Online",
                                       "Home Visit", "Unknown"};
    static const char *const cat[] = {"General Consultation Routine", "General Consultation Acute",
                                      "Clinical Triage", "Planned Clinics", "Home Visit",
                                      "Structured Medication Review", "Unmapped"};
    static const char *const lead[] = {"Same Day", "1 Day", "2 to 7 Days", "8  to 14 Days",
                                       "15  to 21 Days", "22  to 28 Days", "More than 28 Days"};
    static const char *const status[] = {"Attended", "DNA", "Unknown"};
    char date[32];
    ym_nhs(cur_ym(), date, sizeof date);
    Out out;
    out_open(&out, w, "appointments-practice-level.csv");
    fputs("APPOINTMENT_MONTH_START_DATE,GP_CODE,GP_NAME,SUPPLIER,PCN_CODE,PCN_NAME,"
          "SUB_ICB_LOCATION_CODE,SUB_ICB_LOCATION_NAME,HCP_TYPE,APPT_MODE,NATIONAL_CATEGORY,"
          "TIME_BETWEEN_BOOK_AND_APPT,COUNT_OF_APPOINTMENTS,APPT_STATUS" EOL, out.f);
    for (int k = 0; k < w->norg; k++) {
        int i = w->by_sub[k];
        const Org *o = &w->org[i];
        if (o->kind != K_ACTIVE)
            continue;
        Rng r;
        rng_seed(&r, w->cfg.seed, 0xA77, (uint64_t)i);
        for (int j = 0; j < 185; j++) {
            int c = (j * 7 + i) % (3 * 5 * 7 * 7 * 3);
            fprintf(out.f, "%s,%s,%s,EMIS,%s,%s,%s,%s,%s,%s,%s,%s,%d,%s" EOL, date, o->code,
                    o->name, w->pcn[o->pcn].code, w->pcn[o->pcn].name, w->sub[o->sub].code,
                    w->sub[o->sub].name, hcp[c % 3], mode[c / 3 % 5], cat[c / 15 % 7],
                    lead[c / 105 % 7], 1 + rng_int(&r, o->list / 300 + 1), status[c / 735 % 3]);
            out.rows++;
        }
    }
    out_close(&out);
}

/* ------------------------------------------------------------------ map */

static void write_map(const World *w)
{
    Out out;
    char pc[16];
    out_open(&out, w, "gp-reg-pat-prac-map.csv");
    fputs("PRACTICE_CODE,PRACTICE_NAME,PRACTICE_POSTCODE,PCN_CODE,PCN_NAME,"
          "ONS_SUB_ICB_LOCATION_CODE,SUB_ICB_LOCATION_CODE,SUB_ICB_LOCATION_NAME,"
          "ONS_ICB_CODE,ICB_CODE,ICB_NAME,ONS_COMM_REGION_CODE,COMM_REGION_CODE,"
          "COMM_REGION_NAME,SUPPLIER_NAME" EOL, out.f);
    for (int k = 0; k < w->norg; k++) {
        const Org *o = &w->org[w->by_code[k]];
        if (o->kind != K_ACTIVE)
            continue;
        const Unit *s = &w->sub[o->sub], *c = &w->icb[s->parent], *p = &w->pcn[o->pcn];
        const Region *g = &REGIONS[org_region(w, o)];
        org_postcode(w, o, pc, sizeof pc);
        fprintf(out.f, "%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s" EOL, o->code,
                o->name, pc, p->code, p->name, s->ons, s->code, s->name, c->ons, c->code,
                c->name, g->ons, g->code, g->name,
                (o->lsoa * 7 + o->town) % 5 < 3 ? "EMIS" : "TPP");
        out.rows++;
    }
    out_close(&out);
}

/* ------------------------------------------------------------ ONS files */

static int cmp_area_lsoa(const void *pa, const void *pb)
{
    const World *w = g_sort_world;
    const int *a = pa, *b = pb;
    const Lsoa *la = &w->lsoa[*a], *lb = &w->lsoa[*b];
    int c = strcmp(w->area[la->area].code, w->area[lb->area].code);
    if (c)
        return c;
    return la->pc_start - lb->pc_start;
}

static void onspd_lsoa(Out *out, const World *w, int li)
{
    char pc[16], term[8];
    for (int i = 0; i < w->lsoa[li].npc; i++) {
        Postcode p = postcode_at(w, li, i);
        postcode_text(w, li, i, pc, sizeof pc);
        if (p.term)
            snprintf(term, sizeof term, "%d", p.term);
        else
            term[0] = 0;
        if (p.nogrid) {
            fprintf(out->f, "%s,%s,99.999999,0.000000,,,E01%06d,E01%06d" EOL, pc, term,
                    li + 1, li + 1);
        } else {
            double e, n;
            to_bng(p.lat, p.lon, &e, &n);
            fprintf(out->f, "%s,%s,%.6f,%.6f,%.0f,%.0f,E01%06d,E01%06d" EOL, pc, term,
                    p.lat, p.lon, e, n, li + 1, li + 1);
        }
        out->rows++;
    }
}

static void write_onspd(const World *w)
{
    int *idx = xcalloc((size_t)w->nlsoa, sizeof(int));
    for (int i = 0; i < w->nlsoa; i++)
        idx[i] = i;
    g_sort_world = w;
    qsort(idx, (size_t)w->nlsoa, sizeof(int), cmp_area_lsoa);
    Out out;
    out_open(&out, w, "onspd.csv");
    fputs("pcds,doterm,lat,long,oseast1m,osnrth1m,lsoa11,lsoa21" EOL, out.f);
    for (int k = 0; k < w->nlsoa; k++)
        onspd_lsoa(&out, w, idx[k]);
    out_close(&out);
    free(idx);
}

static void write_centroids(const World *w)
{
    Out out;
    out_open(&out, w, "lsoa-centroids.csv");
    fputs("LSOA21CD,LSOA21NM,X,Y" EOL, out.f);
    for (int i = 0; i < w->nlsoa; i++) {
        const Lsoa *l = &w->lsoa[i];
        fprintf(out.f, "E01%06d,%s %03d%c,%.9f,%.9f" EOL, i + 1, w->town[l->town].title,
                l->msoa_no, l->letter, l->lon, l->lat);
        out.rows++;
    }
    out_close(&out);
}

static const char *const COMPASS[] = {"Central", "North", "South", "East", "West",
                                      "North East", "North West", "South East",
                                      "South West"};

static void pcon_name(const World *w, int li, char *buf, size_t cap)
{
    const Lsoa *l = &w->lsoa[li];
    int first = li;
    while (first > 0 && w->lsoa[first - 1].town == l->town)
        first--;
    int nth = l->pcon - w->lsoa[first].pcon;
    int many = w->town[l->town].nlsoa > 90;
    if (!many)
        snprintf(buf, cap, "%s", w->town[l->town].title);
    else if (nth < 9)
        snprintf(buf, cap, "%s %s", w->town[l->town].title, COMPASS[nth]);
    else
        snprintf(buf, cap, "%s %d", w->town[l->town].title, nth + 1);
}

static void write_imd(const World *w)
{
    Out out;
    char pcon[64], county[40];
    out_open(&out, w, "imd.csv");
    fputs("LSOA_CODE,MSOA_CODE,PCON_CODE,PCON_NAME,LAD_CODE,LAD_NAME,"
          "COUNTY_CONURBATION,REGION,IMD_INCOME,IMD_OVERALL" EOL, out.f);
    for (int i = 0; i < w->nlsoa; i++) {
        const Lsoa *l = &w->lsoa[i];
        const Town *t = &w->town[l->town];
        pcon_name(w, i, pcon, sizeof pcon);
        title_case(county, w->county[t->county], sizeof county);
        const char *lad = l->town == 0 ? "E09" : l->town < 36 ? "E08" : "E07";
        fprintf(out.f, "E01%06d,E02%06d,E14%06d,%s,%s%06d,%s,%s,%s,%d,%d" EOL, i + 1,
                l->msoa + 1, 530 + l->pcon, pcon, lad, l->town + 1, t->title, county,
                ons_region_name(l->lat, l->lon), l->income, l->imd);
        out.rows++;
    }
    out_close(&out);
}

/* ------------------------------------------------- commissioner's files */

static void contract_row(Out *out, const World *w, const Org *o, Rng *r)
{
    double u = rng_unif(r);
    const char *type = u < 0.70 ? "GMS" : u < 0.95 ? "PMS" : "APMS";
    char start[32], end[32] = "", ext[8] = "", provider[64], notes[128] = "";
    if (type[0] == 'G')
        snprintf(start, sizeof start, "2004-04-01");
    else
        snprintf(start, sizeof start, "%04d-%02d-01", 1998 + rng_int(r, 20), 1 + rng_int(r, 12));
    if (type[0] == 'A') {
        int ey = LATEST_YEAR + rng_int(r, 6), em = 1 + rng_int(r, 12);
        if (ey == LATEST_YEAR && em <= LATEST_MONTH)
            em = LATEST_MONTH + 1;
        int sy = ey - 5 - rng_int(r, 5);
        snprintf(start, sizeof start, "%04d-%02d-01", sy < LATEST_YEAR ? sy : LATEST_YEAR - 1,
                 em);
        snprintf(end, sizeof end, "%04d-%02d-%02d", ey, em, em == 2 ? 28 : 30);
        static const char *const exts[] = {"2+2", "1+1", "", "3", "2+1+1"};
        snprintf(ext, sizeof ext, "%s", PICK(r, exts));
        snprintf(provider, sizeof provider, "%s %s", w->town[o->town].name, PICK(r, COMPANY));
    } else {
        snprintf(provider, sizeof provider, "DR %s & PARTNERS", PICK(r, SURNAME));
    }
    double v = rng_unif(r);
    /* a few notes need CSV quoting: commas and doubled quotes */
    if (v < 0.05)
        snprintf(notes, sizeof notes, "\"Branch surgery at %s, open mornings only\"",
                 w->town[o->town].title);
    else if (v < 0.07)
        snprintf(notes, sizeof notes, "\"Known locally as \"\"the %s\"\"\"", PICK(r, STREET));
    else if (v < 0.12)
        snprintf(notes, sizeof notes, "Premises lease review due");
    fprintf(out->f, "%s,%s,%s,%s,%s,%s,%s\n", o->code, type, start, end, ext, provider,
            notes);
    out->rows++;
}

static void write_contracts(const World *w)
{
    Out out;
    out_open(&out, w, "contracts.csv");
    fputs("practice_code,contract_type,start_date,end_date,extension_options,provider,notes\n",
          out.f);
    for (int k = 0; k < w->norg; k++) {
        int i = w->by_code[k];
        if (w->org[i].kind != K_ACTIVE)
            continue;
        Rng r;
        rng_seed(&r, w->cfg.seed, S_CONTRACT, (uint64_t)i);
        contract_row(&out, w, &w->org[i], &r);
    }
    out_close(&out);
}

static void write_capacity(const World *w)
{
    Out out;
    out_open(&out, w, "capacity.csv");
    fputs("code,capacity,gp_fte,list_open\n", out.f);
    for (int k = 0; k < w->norg; k++) {
        int i = w->by_code[k];
        const Org *o = &w->org[i];
        if (o->kind != K_ACTIVE)
            continue;
        Rng r;
        rng_seed(&r, w->cfg.seed, S_CONTRACT, (uint64_t)i + (1ULL << 32));
        char cap[16] = "", fte[16] = "";
        if (rng_unif(&r) >= 0.15)
            snprintf(cap, sizeof cap, "%d", (int)(o->list * (1.0 + 0.2 * rng_unif(&r))));
        if (rng_unif(&r) >= 0.10)
            snprintf(fte, sizeof fte, "%.1f", o->list / (1700.0 + 900.0 * rng_unif(&r)));
        fprintf(out.f, "%s,%s,%s,%s\n", o->code, cap, fte, rng_unif(&r) < 0.04 ? "no" : "yes");
        out.rows++;
    }
    out_close(&out);
}

/* ------------------------------------------------------------------ main */

static void world_free(World *w)
{
    free(w->town), free(w->county), free(w->area), free(w->lsoa), free(w->org);
    free(w->by_code), free(w->by_sub), free(w->sub), free(w->icb), free(w->pcn);
    free(w->icb_region), free(w->used);
}

static void usage(void)
{
    fprintf(stderr, "usage: gen [--seed N] [--small] [--practices N] [--lsoas N] "
                    "[--lsoa-rows N] [--postcodes N] [--months N] OUTDIR\n");
    exit(2);
}

static long num_arg(int argc, char **argv, int *i, long lo, long hi)
{
    if (*i + 1 >= argc)
        usage();
    char *end;
    errno = 0;
    long v = strtol(argv[++*i], &end, 10);
    if (errno || *end || v < lo || v > hi) {
        fprintf(stderr, "gen: %s: expected a number from %ld to %ld\n", argv[*i - 1], lo, hi);
        exit(2);
    }
    return v;
}

static void parse_args(Cfg *c, int argc, char **argv)
{
    *c = (Cfg){1, 6500, 33000, 1000000, 1700000, 60, NULL};
    for (int i = 1; i < argc; i++)
        if (strcmp(argv[i], "--small") == 0)
            *c = (Cfg){1, 300, 1500, 40000, 50000, 12, NULL};
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (strcmp(a, "--small") == 0)
            continue;
        else if (strcmp(a, "--seed") == 0)
            c->seed = (uint64_t)num_arg(argc, argv, &i, 0, 0x7fffffffL);
        else if (strcmp(a, "--practices") == 0)
            c->practices = (int)num_arg(argc, argv, &i, 20, 20000);
        else if (strcmp(a, "--lsoas") == 0)
            c->lsoas = (int)num_arg(argc, argv, &i, 100, 100000);
        else if (strcmp(a, "--lsoa-rows") == 0)
            c->lsoa_rows = (int)num_arg(argc, argv, &i, 100, 20000000);
        else if (strcmp(a, "--postcodes") == 0)
            c->postcodes = (int)num_arg(argc, argv, &i, 1000, 20000000);
        else if (strcmp(a, "--months") == 0)
            c->months = (int)num_arg(argc, argv, &i, 1, 240);
        else if (a[0] == '-' || c->out)
            usage();
        else
            c->out = a;
    }
    if (!c->out)
        usage();
}

int main(int argc, char **argv)
{
    World w;
    memset(&w, 0, sizeof w);
    parse_args(&w.cfg, argc, argv);
    if (mkdir(w.cfg.out, 0777) != 0 && errno != EEXIST) {
        fprintf(stderr, "gen: %s: %s\n", w.cfg.out, strerror(errno));
        return 1;
    }
    int urban = w.cfg.lsoas * 82 / 100;
    make_towns(&w, urban);
    make_counties(&w);
    assign_areas(&w);
    make_lsoas(&w, urban);
    group_lsoas(&w);
    deprivation(&w);
    allocate_postcodes(&w);
    make_orgs(&w);
    make_subs(&w);
    make_pcns(&w);
    make_codes(&w);
    sort_codes(&w);
    write_epraccur(&w);
    write_months(&w);
    write_quin(&w);
    write_lsoa_all(&w);
    write_map(&w);
    write_onspd(&w);
    write_centroids(&w);
    write_imd(&w);
    write_contracts(&w);
    write_capacity(&w);
    write_appointments(&w);
    world_free(&w);
    return 0;
}
