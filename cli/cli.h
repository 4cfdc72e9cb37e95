#ifndef CATCHMENT_CLI_H
#define CATCHMENT_CLI_H

int cli_main(int argc, char **argv);

#endif
