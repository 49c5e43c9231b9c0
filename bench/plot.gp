# plot.gp - draws bench/bench.py's results.csv: time against input size (log-log), and time per
# sentence, for docs/BENCHMARKS.md. Usage (from the repository root):
#   gnuplot -e "in='bench/results/results.csv'; out='docs/bench-scaling.svg'" bench/plot.gp
if (!exists("in")) in = 'bench/results/results.csv'
if (!exists("out")) out = 'docs/bench-scaling.svg'
set terminal svg size 960,420 font "sans,12" background rgb "white"
set output out
set datafile separator ","
set key bottom right
set grid
set multiplot layout 1,2
set logscale xy
set xlabel "input (MB of text)"
set ylabel "seconds (median)"
set title "Time against input size"
plot in using 2:4 skip 1 with linespoints lw 2 pt 7 title "summarize, wall", \
     in using 2:5 skip 1 with linespoints lw 2 pt 5 dt 2 title "summarize, CPU", \
     in using 2:7 skip 1 with linespoints lw 2 pt 9 title "Python baseline, wall", \
     in using 2:($2 * 0.03) skip 1 with lines lc rgb "gray" dt 3 title "linear (30 ms per MB)"
unset logscale y
set logscale x
set yrange [0:*]
set key top right
set xlabel "articles"
set ylabel "microseconds per sentence (wall, start-up included)"
set title "Time per sentence"
plot in using 1:(1e6 * $4 / $3) skip 1 with linespoints lw 2 pt 7 title "summarize"
unset multiplot
