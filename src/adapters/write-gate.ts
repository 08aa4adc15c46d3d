/** Where every write passes: refused while another window is the one that writes, its failures classified. */
export interface WriteGate {
  writing<T>(work: () => Promise<T>): Promise<T>;
}
