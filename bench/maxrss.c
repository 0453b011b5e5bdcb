/* Runs a command and prints its peak resident memory in KiB on stderr's
 * last line ("maxrss KIB").  A small process forks it, so the figure is the
 * command's own, not a large parent's image copied before exec. */
#include <stdio.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

int
main (int argc, char **argv)
{
  if (argc < 2)
    {
      fprintf (stderr, "usage: maxrss COMMAND [ARG…]\n");
      return 2;
    }
  pid_t pid = fork ();
  if (pid == 0)
    {
      execvp (argv[1], argv + 1);
      perror (argv[1]);
      _exit (127);
    }
  int status;
  struct rusage usage;
  if (pid < 0 || wait4 (pid, &status, 0, &usage) < 0)
    {
      perror ("maxrss");
      return 2;
    }
  fprintf (stderr, "maxrss %ld\n", usage.ru_maxrss);
  return WIFEXITED (status) ? WEXITSTATUS (status) : 128 + WTERMSIG (status);
}
