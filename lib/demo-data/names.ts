// Invented names: first and last names are combined at random, so no real person is described.
import type { Rng } from "./rng";

const MALE = ["Ahmed", "Mohamed", "Youssef", "Omar", "Ali", "Hamid", "Karim", "Bilal", "Ivan", "Dmitri", "Piotr",
  "Andrei", "Mihai", "Stefan", "Georgi", "Nikola", "Luca", "Marco", "João", "Pedro", "Carlos", "Diego", "Samuel",
  "Emmanuel", "Kwame", "Abdi", "Tesfaye", "Ravi", "Arjun", "Wei", "Jun", "Mehmet", "Emre", "Arben", "Hassan",
  "Rashid", "Tomás", "Lukas", "Jan", "Pieter"];
const FEMALE = ["Samira", "Fatima", "Amina", "Leila", "Nadia", "Yasmina", "Khadija", "Zainab", "Olga", "Irina",
  "Anna", "Maria", "Elena", "Ioana", "Daria", "Svetlana", "Giulia", "Sofia", "Ana", "Lucía", "Gabriela", "Grace",
  "Esther", "Abena", "Hodan", "Selam", "Priya", "Anjali", "Mei", "Lin", "Ayşe", "Elif", "Drita", "Mariam", "Noor",
  "Rania", "Marta", "Eva", "Lotte", "Sarah"];
const LAST = ["El Amrani", "Benali", "Haddad", "Mansouri", "Ouali", "Ziani", "Kowalski", "Nowak", "Wiśniewska",
  "Popescu", "Ionescu", "Petrov", "Ivanova", "Dimitrov", "Horvat", "Rossi", "Bianchi", "Silva", "Santos", "Oliveira",
  "García", "Martínez", "Mensah", "Owusu", "Boateng", "Mohamud", "Tesfay", "Haile", "Sharma", "Patel", "Singh",
  "Chen", "Wang", "Yılmaz", "Kaya", "Demir", "Krasniqi", "Berisha", "Hosseini", "Rahimi", "Ahmadi", "Nguyen",
  "Kuznetsov", "Novák", "Müller", "Dubois", "Janssens", "De Smet", "Okafor", "Adeyemi", "Mukendi", "Kabongo",
  "Diallo", "Bah", "Sow", "Karimi", "Jafari", "Al-Hassan", "Abdullah", "Yousef"];

export function inventName(rng: Rng, gender: "M" | "V"): { firstName: string; lastName: string } {
  return { firstName: rng.pick(gender === "M" ? MALE : FEMALE), lastName: rng.pick(LAST) };
}
